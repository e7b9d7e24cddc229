"""The cue sounds: present, valid, short, quiet, click-free, and made by our own script."""

from __future__ import annotations

import array
import io
import runpy
import wave
from pathlib import Path

import pytest

from app import resources
from app.breathe.model import CUE_SOUNDS, END_SOUND

SOUNDS = sorted({*CUE_SOUNDS.values(), END_SOUND})
SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "make_sounds.py"


def samples_of(data: bytes) -> tuple[wave._wave_params, array.array]:
    with wave.open(io.BytesIO(data)) as wav:
        params = wav.getparams()
        frames = array.array("h", wav.readframes(params.nframes))
    return params, frames


@pytest.mark.parametrize("relative", SOUNDS)
def test_each_cue_is_a_short_soft_mono_wav(relative):
    data = resources.read_bytes(relative)
    assert len(data) < 200_000
    params, frames = samples_of(data)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 44_100)
    assert 0.3 <= params.nframes / params.framerate <= 1.2
    peak = max(abs(s) for s in frames)
    assert 0.05 * 32767 < peak < 0.5 * 32767  # audible, soft, nowhere near clipping
    # Fades in and out: no click at either end.
    assert abs(frames[0]) < 50
    assert abs(frames[-1]) < 50


def test_the_script_makes_these_very_files(tmp_path):
    make_sounds = runpy.run_path(str(SCRIPT), run_name="make_sounds")
    assert make_sounds["main"]([str(tmp_path)]) == 0
    for relative in SOUNDS:
        _, committed = samples_of(resources.read_bytes(relative))
        _, fresh = samples_of((tmp_path / Path(relative).name).read_bytes())
        assert len(fresh) == len(committed)
        # Within one step: a different maths library may round a sample differently.
        assert max(abs(a - b) for a, b in zip(fresh, committed, strict=True)) <= 1
