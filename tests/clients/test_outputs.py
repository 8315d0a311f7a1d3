"""The outputs, read by the real programs that users feed them to (networkx, graphviz).

Runs on the committed out/ (the bundled article) and on a fresh build of the same article.
"""
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

import networkx as nx
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "shiji"


def fresh_out():
    d = pathlib.Path(tempfile.mkdtemp(prefix="shiji-clients-"))
    subprocess.run([str(BIN), "build", "--out", str(d)], cwd=ROOT, check=True, capture_output=True)
    return d


@pytest.fixture(scope="module", params=["committed", "fresh"])
def out_dir(request):
    if request.param == "committed":
        yield ROOT / "out"
    else:
        d = fresh_out()
        yield d
        shutil.rmtree(d)


def test_networkx_loads_graph_json_with_every_endpoint_declared(out_dir):
    data = json.loads((out_dir / "graph.json").read_text(encoding="utf-8"))
    g = nx.node_link_graph(data, edges="edges")
    declared = {n["id"] for n in data["nodes"]}
    assert g.number_of_nodes() == len(declared) == len(data["nodes"])
    assert g.number_of_edges() == len(data["edges"])
    for e in data["edges"]:
        assert e["source"] in declared and e["target"] in declared
    assert g.is_directed() and g.is_multigraph()
    # the founder relation is an edge a user can query
    assert g.has_edge("person:李志飞", "org:出门问问")


def test_graphviz_renders_dot_without_warning(out_dir):
    if shutil.which("dot") is None:
        pytest.fail("graphviz is not installed: apt-get install graphviz fonts-wqy-zenhei")
    r = subprocess.run(["dot", "-Tsvg", str(out_dir / "graph.dot")], capture_output=True)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stderr.decode().strip() == "", r.stderr.decode()
    svg = r.stdout.decode("utf-8")
    assert "出门问问" in svg and "李志飞" in svg


def test_timeline_json_is_sorted_by_date_with_undated_last(out_dir):
    tl = json.loads((out_dir / "timeline.json").read_text(encoding="utf-8"))
    dates = [e["date"]["from"] if e["date"] else None for e in tl]
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    first_undated = dates.index(None) if None in dates else len(dates)
    assert all(d is None for d in dates[first_undated:])
