"""`spyglass token create/list` and `spyglass serve`, run as a user runs them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from spyglass.store import open_store

from . import dataset


def _spyglass(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from spyglass.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=60, env={**os.environ})


def test_token_create_prints_the_secret_once_and_list_hides_it(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    created = _spyglass("token", "create", "ada", "--db", db)
    assert created.returncode == 0, created.stderr
    secret = created.stdout.strip()
    assert len(secret) >= 20 and "not be shown again" in created.stderr
    store = open_store(db)
    assert store.check_token(secret) and not store.check_token(secret + "x")
    store.close()
    listed = _spyglass("token", "list", "--db", db)
    assert listed.stdout.startswith("ada\t") and secret not in listed.stdout


def test_token_create_again_says_it_replaced_the_old_one_and_revoke_ends_it(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    first = _spyglass("token", "create", "ci", "--db", db).stdout.strip()
    again = _spyglass("token", "create", "ci", "--db", db)
    assert "replaced: the old secret no longer works" in again.stderr
    second = again.stdout.strip()
    store = open_store(db)
    assert not store.check_token(first) and store.check_token(second)
    store.close()
    revoked = _spyglass("token", "revoke", "ci", "--db", db)
    assert revoked.returncode == 0 and "revoked" in revoked.stderr
    store = open_store(db)
    assert not store.check_token(second) and store.tokens() == []
    store.close()
    missing = _spyglass("token", "revoke", "nobody", "--db", db)
    assert missing.returncode != 0 and len(missing.stderr.strip().splitlines()) == 1
    assert missing.stderr.startswith("spyglass: ")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_serve_answers_on_loopback(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    store = open_store(db)
    dataset.fill(store)
    store.close()
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from spyglass.cli import main; main()", "serve",
                             "--port", str(port), "--db", db], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/v1/cases", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert response.json()["total"] == len(dataset.cases())
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)



def test_serve_refuses_a_database_file_that_does_not_exist(tmp_path: Path) -> None:
    done = _spyglass("serve", "--port", str(_free_port()), "--db", str(tmp_path / "typo.db"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"spyglass: {tmp_path / 'typo.db'}: no such database; "
        "ingest into it first (spyglass ingest), or pass --create to serve an empty one"]
    assert not (tmp_path / "typo.db").exists()


def test_serve_reports_a_taken_port_before_saying_it_serves(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    open_store(db).close()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = _spyglass("serve", "--port", str(port), "--db", db)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"spyglass: cannot listen on 127.0.0.1:{port}")
    assert "serving" not in done.stderr
