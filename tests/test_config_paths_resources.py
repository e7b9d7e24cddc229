import json
import stat

from app import resources
from app.config import Config
from app.paths import Paths


def test_paths_follow_data_dir(tmp_path):
    paths = Paths.resolve(tmp_path / "here")
    assert paths.vault == tmp_path / "here" / "tend.db"
    assert not paths.data_dir.exists()  # nothing is created until asked
    paths.ensure_data_dir()
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700


def test_default_paths_use_platformdirs():
    assert Paths.default().data_dir.name == "Tend"


def test_config_round_trip_and_privacy(tmp_path):
    path = tmp_path / "config.json"
    Config(theme="dark", window_geometry="AAAA").save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert set(json.loads(path.read_text())) == {"theme", "window_geometry", "last_area"}
    assert Config.load(path) == Config(theme="dark", window_geometry="AAAA")


def test_damaged_config_falls_back_to_defaults(tmp_path):
    path = tmp_path / "config.json"
    for junk in ("{not json", "[1, 2]", '{"theme": "neon", "extra": 1}', ""):
        path.write_text(junk)
        assert Config.load(path) == Config()
    assert Config.load(tmp_path / "missing.json") == Config()


def test_resources_are_found_by_relative_path():
    assert "#sidebar" in resources.read_text("styles/tend.qss")
    families = resources.load_toml("feelings.toml")["family"]
    assert len(families) >= 8
    assert "icons/lock.svg" in resources.listing("icons", ".svg")


def test_an_existing_folder_keeps_its_permissions(tmp_path):
    chosen = tmp_path / "my documents"
    chosen.mkdir(mode=0o755)
    chosen.chmod(0o755)
    Paths(chosen).ensure_data_dir()
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o755


def test_the_clock_counts_on():
    from app.clock import Clock

    clock = Clock()
    first = clock.monotonic()
    assert clock.monotonic() >= first
    assert clock.today() == clock.now().date()
