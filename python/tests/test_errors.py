"""Bad input raises mineflow.InputError with the CLI's one-line message and its location."""

import pytest

import mineflow
from conftest import SCENARIOS, cli

COBALT = SCENARIOS / "disruptions" / "cobalt_background.yaml"


def broken_scenario(tmp_path, old, new):
    text = COBALT.read_text().replace("../minerals/cobalt.yaml",
                                      str(SCENARIOS / "minerals" / "cobalt.yaml"))
    text = text.replace("../hazard.yaml", str(SCENARIOS / "hazard.yaml"))
    assert old in text
    path = tmp_path / "broken.yaml"
    path.write_text(text.replace(old, new))
    return path


def cli_message(*args):
    done = cli(*args, check=False)
    assert done.returncode == 2
    prefix = f"mineflow {args[0]}: "
    assert done.stderr.startswith(prefix) and done.stderr.count("\n") == 1
    return done.stderr[len(prefix):].rstrip("\n")


def test_a_bad_field_names_file_line_column_and_field(tmp_path):
    path = broken_scenario(tmp_path, "horizon_days: 365", "horizon_days: -5")
    with pytest.raises(mineflow.InputError) as caught:
        mineflow.load_scenario(path)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.file == str(path)
    lines = path.read_text().splitlines()
    assert lines[error.line - 1] == "horizon_days: -5" and error.column == 15
    assert "horizon_days" in error.field and error.value == "-5"
    assert str(error) == cli_message("run", path)
    with pytest.raises(mineflow.InputError) as again:
        mineflow.run(path)
    assert str(again.value) == str(error)


def test_a_yaml_syntax_error_is_an_input_error(tmp_path):
    path = broken_scenario(tmp_path, "seed: 1", "seed: [1")
    with pytest.raises(mineflow.InputError) as caught:
        mineflow.run(path, trials=10)
    assert caught.value.file == str(path) and caught.value.line is not None
    assert str(caught.value) == cli_message("run", path, "--trials", 10)


def test_missing_file_and_bad_options(tmp_path):
    with pytest.raises(mineflow.InputError) as caught:
        mineflow.run(tmp_path / "nothing.yaml")
    assert str(caught.value) == cli_message("run", tmp_path / "nothing.yaml")
    with pytest.raises(mineflow.InputError) as caught:
        mineflow.run(COBALT, trials=0)
    assert caught.value.field == "--trials" and caught.value.file is None
    assert caught.value.line is None and caught.value.column is None
    assert str(caught.value) == cli_message("run", COBALT, "--trials", 0)
    with pytest.raises(mineflow.InputError) as caught:
        mineflow.run(COBALT, trials=100, policies=["no_such_policy"])
    assert str(caught.value) == cli_message("run", COBALT, "--trials", 100, "--policy",
                                            "no_such_policy")
    with pytest.raises(mineflow.InputError) as caught:
        mineflow.indicators(stability="nonsense")
    assert str(caught.value) == cli_message("indicators", "--stability", "nonsense")
    with pytest.raises(mineflow.InputError) as caught:
        mineflow.stockpile(COBALT, target="p_shortage>=1")
    assert str(caught.value) == cli_message("stockpile", COBALT, "--target", "p_shortage>=1")
    with pytest.raises(mineflow.InputError) as caught:
        mineflow.mfa("tungsten", year=1800)
    assert str(caught.value) == cli_message("mfa", "tungsten", "--year", 1800)
    with pytest.raises(mineflow.InputError):
        mineflow.mfa("no_such_model")


def test_binary_garbage_is_an_input_error_not_a_crash(tmp_path):
    path = tmp_path / "garbage.yaml"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(mineflow.InputError):
        mineflow.load_scenario(path)
    with pytest.raises(mineflow.InputError):
        mineflow.indicators(path)
    with pytest.raises(mineflow.InputError):
        mineflow.mfa(path)
