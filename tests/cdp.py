"""Headless Chromium driven over the DevTools protocol on a pipe: no websocket, no extra package.

Chromium started with ``--remote-debugging-pipe`` reads protocol commands from file
descriptor 3 and writes replies to 4, each a JSON message ended by a NUL byte. That is
enough to set the viewport width, load a page, run a layout check in it (DevTools
evaluation is not subject to the page's Content-Security-Policy, which forbids scripts)
and take a screenshot.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


class Browser:
    """One headless Chromium with one page, closed by :meth:`close`."""

    def __init__(self, binary: str, profile: Path) -> None:
        self._to_r, self._to_w = os.pipe()  # we write commands, chromium reads fd 3
        self._from_r, self._from_w = os.pipe()  # chromium writes fd 4, we read
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--remote-debugging-pipe",
            f"--user-data-dir={profile}",
            "about:blank",
        ]
        # A small trampoline puts the pipe ends where Chromium expects them (it reads 3 and
        # writes 4), then becomes Chromium.
        trampoline = "import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4); " + (
            "os.execv(sys.argv[3], sys.argv[3:])"
        )
        self._proc = subprocess.Popen(
            [sys.executable, "-c", trampoline, str(self._to_r), str(self._from_w), binary, *flags],
            pass_fds=(self._to_r, self._from_w),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(self._to_r)
        os.close(self._from_w)
        self._writer = os.fdopen(self._to_w, "wb", buffering=0)
        self._reader = os.fdopen(self._from_r, "rb", buffering=0)
        self._buffer = b""
        self._next = 0
        target = next(t for t in self.call("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=target["targetId"], flatten=True)[
            "sessionId"
        ]

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one protocol command and wait for its reply (events in between are skipped)."""
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self._writer.write(json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = self._reader.read(65536)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        data: dict[str, Any] = json.loads(raw)
        return data

    def page(self, method: str, **params: Any) -> dict[str, Any]:
        """A command to the page (not to the browser)."""
        return self.call(method, self.session, **params)

    def open(self, url: str, width: int, height: int = 900) -> None:
        """Load ``url`` in a viewport ``width`` CSS pixels wide and wait until it has loaded."""
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
        self.page("Emulation.setDeviceMetricsOverride", **metrics)
        self.page("Page.navigate", url=url)
        for _ in range(400):
            if self.evaluate("document.readyState") == "complete":
                return
            time.sleep(0.05)
        raise RuntimeError(f"{url} did not load")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression evaluated in the page."""
        result = self.page("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(str(result["exceptionDetails"]))
        return result["result"].get("value")

    def screenshot(self, clip: dict[str, float] | None = None) -> bytes:
        """A PNG of the page, or of ``clip`` (x, y, width, height in page coordinates)."""
        params: dict[str, Any] = {"format": "png"}
        if clip:
            params["clip"] = {**clip, "scale": 1}
            params["captureBeyondViewport"] = True
        return base64.b64decode(self.page("Page.captureScreenshot", **params)["data"])

    def close(self) -> None:
        """Close the browser and wait for it to exit."""
        with contextlib.suppress(RuntimeError):
            self.call("Browser.close")
        self._proc.wait(timeout=30)
