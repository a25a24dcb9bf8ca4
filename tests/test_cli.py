"""The `govie` command line end to end: formats, folders, bad inputs, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ie.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "example_report.txt"


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "govie 0.1.0" in capsys.readouterr().out


def test_extract_example_one_json_record(capsys):
    code, out, err = run(["extract", str(EXAMPLE), "--no-model"], capsys)
    assert code == 0, err
    rec = json.loads(out)
    assert rec["schema_version"] == "1"
    assert rec["source"]["format"] == "txt" and len(rec["source"]["sha256"]) == 64
    assert [s["key"] for s in rec["sections"]][:2] == ["preamble", "overview"]
    assert set(rec["tables"]) == {"proactive_disclosure", "applications", "review_litigation",
                                  "statistics_pre2019"}
    raw = EXAMPLE.read_text(encoding="utf-8")
    for sec in rec["sections"]:
        if sec["key"] != "preamble":
            assert raw[sec["start"]:sec["end"]].lstrip().startswith(sec["title"][:2])


def test_folder_with_bad_files_goes_on_and_exits_nonzero(tmp_path, capsys):
    good = tmp_path / "a_good.txt"
    good.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.bin").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d_good.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="gb18030")
    code, out, err = run(["extract", str(tmp_path), "--no-model"], capsys)
    assert code == 1
    recs = [json.loads(line) for line in out.splitlines()]
    assert len(recs) == 4
    by_name = {Path(r["source"]["path"]).name: r for r in recs}
    assert "error" not in by_name["a_good.txt"] and "error" not in by_name["d_good.txt"]
    assert by_name["d_good.txt"]["sections"] == by_name["a_good.txt"]["sections"]
    assert "empty" in by_name["b_empty.txt"]["error"]
    assert by_name["c_binary.bin"]["error"]
    err_lines = [ln for ln in err.splitlines() if ln.startswith("govie: ")]
    assert len(err_lines) == 2 and all(len(ln) < 300 for ln in err_lines)
    assert "Traceback" not in err


def test_missing_path_is_one_line_error(capsys):
    code, out, err = run(["extract", "/no/such/report.pdf", "--no-model"], capsys)
    assert code == 1
    assert "govie: /no/such/report.pdf: no such file or folder" in err
    assert json.loads(out)["error"] == "no such file or folder"


def test_not_a_report_gets_a_warning(tmp_path, capsys):
    p = tmp_path / "recipe.txt"
    p.write_text("红烧肉的做法:五花肉切块,焯水,加冰糖炒色,再加酱油和水炖一小时。\n", encoding="utf-8")
    code, out, _ = run(["extract", str(p), "--no-model"], capsys)
    assert code == 0
    assert any("does not look like" in w for w in json.loads(out)["warnings"])


def test_output_file_jsonl(tmp_path, capsys):
    out_file = tmp_path / "out.jsonl"
    code, _, _ = run(["extract", str(EXAMPLE), str(EXAMPLE), "-o", str(out_file), "--no-model"], capsys)
    assert code == 0
    assert len(out_file.read_text(encoding="utf-8").splitlines()) == 2


def test_console_script_runs_without_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "ie", "extract", str(empty), "--no-model"],
                          capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 1
    assert proc.stderr.strip().startswith(f"govie: {empty}:") and "Traceback" not in proc.stderr


def test_worker_processes_give_the_same_records_in_order(tmp_path, capsys):
    """``--jobs 2``: worker processes (each with its own model) return the records of one process, in
    input order, bad files included."""
    for name in ("a.txt", "c.txt", "e.txt"):
        (tmp_path / name).write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    code1, out1, _ = run(["extract", str(tmp_path), "--jobs", "1"], capsys)
    code2, out2, err2 = run(["extract", str(tmp_path), "--jobs", "2"], capsys)
    assert code1 == code2 == 1 and "Traceback" not in err2
    recs = [json.loads(line) for line in out2.splitlines()]
    assert [Path(r["source"]["path"]).name for r in recs] == ["a.txt", "b_empty.txt", "c.txt", "e.txt"]
    assert recs[0]["narrative"], "the workers ran the narrative model"
    assert out1 == out2


def test_unreadable_model_is_one_line_error(tmp_path, capsys):
    bad = tmp_path / "model"
    bad.mkdir()
    (bad / "config.json").write_text("{}", encoding="utf-8")
    (bad / "govie_inference.json").write_text('{"onnx": "model.onnx"}', encoding="utf-8")
    (bad / "model.onnx").write_bytes(b"not a graph")
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(EXAMPLE), "--model", str(bad)])
    msg = str(exc.value.code)
    assert msg.startswith(f"govie: {bad}: cannot load the narrative model") and "\n" not in msg


def test_seeds_folder_and_real_pdfs(shared_dir, tmp_path, capsys):
    """Issue 2's acceptance: five seed records with clean simplified text and sections; the PDFs' full text."""
    import re

    from ie.normalize import to_simplified

    code, out, err = run(["extract", str(shared_dir / "seeds"), "--no-model", "--with-text"], capsys)
    assert code == 0, err
    recs = [json.loads(line) for line in out.splitlines()]
    assert len(recs) == 5
    for rec in recs:
        norm = rec["normalized_text"]
        assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)", norm), rec["source"]["path"]
        assert "体育投注" not in norm and to_simplified(norm) == norm
        keys = {s["key"] for s in rec["sections"]}
        assert {"overview", "proactive_disclosure", "applications"} <= keys, rec["source"]["path"]
    code, out, err = run(["extract", str(shared_dir / "real"), "--no-model", "--with-text"], capsys)
    assert code == 0, err
    for rec in (json.loads(line) for line in out.splitlines()):
        assert rec["source"]["format"] == "pdf" and rec["source"]["pages"] >= 4
        assert "洪泽区" in rec["text"] and "其他需要报告的事项" in rec["text"]
        assert [s["key"] for s in rec["sections"]][-1] == "other_matters"
