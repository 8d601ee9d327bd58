"""A hostile HTTP server on 127.0.0.1: it sends its status line and headers one byte at a time,
`gap` seconds apart, for ever (until the client goes or the server stops). Each byte comes well
within any read timeout, so only an overall deadline ends the request."""

from __future__ import annotations

import socket
import threading

HEAD = b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-Pad-%d: %s\r\n" % (i, b"y" * 40) for i in range(10_000))


class SlowHeaderServer:
    def __init__(self, gap: float = 0.2) -> None:
        self.gap = gap
        self.connections = 0
        self._stop = threading.Event()
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.1)
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}/privacy"

    def start(self) -> SlowHeaderServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._sock.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            self.connections += 1
            threading.Thread(target=self._trickle, args=(conn,), daemon=True).start()

    def _trickle(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)  # the request
                for i in range(len(HEAD)):
                    if self._stop.wait(self.gap):
                        return
                    conn.sendall(HEAD[i : i + 1])
            except OSError:  # the client gave up
                return
