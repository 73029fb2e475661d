"""The batch pipeline on a Dask cluster (``warta digest --workers N`` / ``--scheduler ADDR``).

* :mod:`.options`: the CLI options (no Dask import, so ``warta --help`` stays fast);
* :mod:`.cluster`: client setup (a ``LocalCluster`` or an existing scheduler), clear errors;
* :mod:`.run`: per-article prepare as tasks over partitions, clustering on the client, per-story
  briefs as tasks; the result is identical to :func:`warta.pipeline.digest`.

``dask[distributed]`` is the optional extra ``dask``; it is imported lazily
(:func:`.cluster.require_distributed`).  docs/distributed.md describes the design.
"""

from __future__ import annotations
