"""Positions for the HTML view's nodes: force-directed inside Louvain communities.

NumPy only (no scipy), cheap enough for 5,000 nodes; ``layout`` is what
``kg.viz`` calls when a graph is too large for the browser's own physics.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

__all__ = ["layout"]

_SPRING_LIMIT = 600  # largest community laid out force-directed (dense, O(n^2) memory)


def _spring(n: int, edges: list[tuple[int, int]], iterations: int = 50) -> Any:
    """Fruchterman-Reingold in numpy, dense: for up to a few hundred nodes (a sunflower above)."""
    import numpy as np

    i = np.arange(n)
    angle = i * math.pi * (3 - math.sqrt(5))
    pos = np.stack([np.cos(angle), np.sin(angle)], axis=1) * np.sqrt((i + 0.5) / n)[:, None]
    if 2 < n <= _SPRING_LIMIT and edges:
        adj = np.zeros((n, n))
        a, b = np.array(edges).T
        adj[a, b] = adj[b, a] = 1.0
        k, t = 1.0 / math.sqrt(n), 0.1
        for _ in range(iterations if n > 10 else 15):
            delta = pos[:, None, :] - pos[None, :, :]
            dist = np.maximum(np.sqrt((delta**2).sum(axis=-1)), 0.01)
            disp = np.einsum("ijk,ij->ik", delta, k * k / dist**2 - adj * dist / k)
            length = np.maximum(np.sqrt((disp**2).sum(axis=-1)), 0.01)
            pos += disp * (t / length)[:, None]
            t -= 0.1 / ((iterations if n > 10 else 15) + 1)
    return pos - pos.mean(axis=0)


def _scaled(pos: Any, spacing: float) -> Any:
    """``pos`` scaled so that the median distance to the nearest neighbour is ``spacing``."""
    import numpy as np

    if len(pos) < 2:
        return pos * 0
    d = np.sqrt(((pos[:, None, :] - pos[None, :, :]) ** 2).sum(axis=-1))
    np.fill_diagonal(d, np.inf)
    nearest = float(np.median(d.min(axis=1)))
    return pos * (spacing / nearest) if nearest > 1e-9 else pos * spacing


def _component(h: nx.Graph, nodes: list[str], spacing: float) -> Any:
    """One connected component: directly if small, else by Louvain communities.

    A community above ``_SPRING_LIMIT`` nodes gets a sunflower: rare, and still readable.
    """
    import numpy as np

    def edges(part: list[str]) -> list[tuple[int, int]]:
        index = {v: i for i, v in enumerate(part)}
        return [(index[a], index[b]) for a, b in h.subgraph(part).edges]

    if len(nodes) <= 300:
        return _scaled(_spring(len(nodes), edges(nodes)), spacing)
    found = nx.community.louvain_communities(h.subgraph(nodes), seed=0)
    groups = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    where = {v: i for i, c in enumerate(groups) for v in c}
    local = [_scaled(_spring(len(c), edges(c)), spacing) for c in groups]
    radii = np.array([np.sqrt((p**2).sum(axis=1)).max() + spacing for p in local])
    links = sorted({(min(where[a], where[b]), max(where[a], where[b])) for a, b in
                    h.subgraph(nodes).edges if where[a] != where[b]})
    centres = _spring(len(groups), links, iterations=80)
    gaps = [(radii[a] + radii[b]) / max(float(np.linalg.norm(centres[a] - centres[b])), 1e-9)
            for a, b in links] or [float(radii.max()) * 2]
    centres = centres * float(np.median(gaps))
    for _ in range(100):  # push overlapping communities apart
        delta = centres[:, None, :] - centres[None, :, :]
        dist = np.maximum(np.sqrt((delta**2).sum(axis=-1)), 1e-6)
        overlap = radii[:, None] + radii[None, :] - dist
        np.fill_diagonal(overlap, 0)
        if overlap.max() <= 0:
            break
        centres = centres + np.einsum("ijk,ij->ik", delta, np.maximum(overlap, 0) / 2 / dist)
    out = np.zeros((len(nodes), 2))
    index = {v: i for i, v in enumerate(nodes)}
    for c, pos, centre in zip(groups, local, centres, strict=True):
        out[[index[v] for v in c]] = pos + centre
    return out - out.mean(axis=0)


def layout(g: nx.MultiDiGraph, spacing: float = 80.0) -> dict[str, tuple[int, int]]:
    """Positions in pixels, cheap enough for 5,000 nodes without scipy.

    Each connected component is laid out on its own (force-directed inside
    Louvain communities, communities arranged by their links), then the
    components are packed in rows, largest first; entities without
    relations end up in a grid at the bottom, sorted by type and name.
    """
    import numpy as np

    h = nx.Graph(g)
    h.remove_edges_from(list(nx.selfloop_edges(h)))
    comps = sorted((sorted(c) for c in nx.connected_components(h)), key=lambda c: (
        -len(c), str(g.nodes[c[0]]["type"]), g.nodes[c[0]]["label"].casefold(), c[0]))
    blocks = [(c, _component(h, c, spacing)) for c in comps]
    area = sum((np.ptp(p[:, 0]) + spacing) * (np.ptp(p[:, 1]) + spacing) for _, p in blocks)
    width = max([math.sqrt(area * 1.4)] + [float(np.ptp(p[:, 0])) + spacing for _, p in blocks])
    out: dict[str, tuple[int, int]] = {}
    x = y = row = 0.0
    for nodes, pos in blocks:
        w, h_ = float(np.ptp(pos[:, 0])) + spacing, float(np.ptp(pos[:, 1])) + spacing
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        shifted = pos - pos.min(axis=0) + (x, y)
        for v, (px, py) in zip(nodes, shifted, strict=True):
            out[v] = (round(float(px)), round(float(py)))
        x, row = x + w, max(row, h_)
    return out
