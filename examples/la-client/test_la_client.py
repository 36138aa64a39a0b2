"""la_client.call against a local HTTP server (standard library only): a page whose body ends early is no page."""
import http.server
import os
import socket
import struct
import tempfile
import threading
import time
import unittest

import la_client


class _Feed(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    body_chunks = []
    close_before_end = False
    reset_before_end = False

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("X-Correlation-Id", "0d6c1a52-5a38-4d1e-9a53-0c3a1a7e0001")
        self.end_headers()
        for chunk in self.body_chunks:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        if self.reset_before_end:
            self.wfile.flush()
            time.sleep(0.2)
            # SO_LINGER 0: the close sends a reset, as a proxy or a crashed service can
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        if not self.close_before_end:
            self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()
        self.close_connection = True

    def log_message(self, *args):
        pass


class CallTest(unittest.TestCase):

    def serve(self, chunks, close_before_end, reset_before_end=False):
        handler = type("Feed", (_Feed,), {"body_chunks": chunks, "close_before_end": close_before_end,
                                          "reset_before_end": reset_before_end})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.addCleanup(server.shutdown)
        self.addCleanup(server.server_close)
        return f"http://127.0.0.1:{server.server_address[1]}/api/v1/la/referrals?limit=1000"

    def test_a_whole_page_is_read(self):
        url = self.serve([b"{", b'"items":[],"nextCursor":"AQ"}'], close_before_end=False)
        status, _, page = la_client.call("GET", url, "token")
        self.assertEqual(200, status)
        self.assertEqual({"items": [], "nextCursor": "AQ"}, page)

    def test_a_connection_closed_before_the_end_is_no_page(self):
        url = self.serve([b"{"], close_before_end=True)
        with self.assertRaises(SystemExit) as stopped:
            la_client.call("GET", url, "token")
        self.assertIn("ended before its end", str(stopped.exception))
        self.assertIn("0d6c1a52-5a38-4d1e-9a53-0c3a1a7e0001", str(stopped.exception))

    def test_a_problem_after_the_first_byte_is_no_page(self):
        url = self.serve([b"{", b'{"type":"https://dsl-triage.uk/problems/internal-error","status":500}'], close_before_end=False)
        with self.assertRaises(SystemExit) as stopped:
            la_client.call("GET", url, "token")
        self.assertIn("ended before its end", str(stopped.exception))

    def test_a_connection_reset_mid_page_is_no_page_and_no_traceback(self):
        url = self.serve([b"{", b'"items":[{"id":"a"'], close_before_end=False, reset_before_end=True)
        with self.assertRaises(SystemExit) as stopped:
            la_client.call("GET", url, "token")
        # The reset can reach the client during the body or, on a slow machine, before its headers: either way a stop
        # that says nothing was kept.
        self.assertIn("nothing was kept", str(stopped.exception))

    def test_no_server_is_a_stop_not_a_traceback(self):
        with socket.socket() as unused:
            unused.bind(("127.0.0.1", 0))
            port = unused.getsockname()[1]
        with self.assertRaises(SystemExit) as stopped:
            la_client.call("GET", f"http://127.0.0.1:{port}/api/v1/la/referrals", "token")
        self.assertIn("no answer", str(stopped.exception))


class StateTest(unittest.TestCase):

    def test_the_state_is_kept_in_a_directory_that_does_not_exist_yet(self):
        with tempfile.TemporaryDirectory() as home:
            path = os.path.join(home, "not", "yet", "state.json")
            la_client.save_state(path, {"cursor": "AQ", "etag": None})
            self.assertEqual({"cursor": "AQ", "etag": None}, la_client.load_state(path))
            self.assertEqual(0o700, os.stat(os.path.dirname(path)).st_mode & 0o777)


if __name__ == "__main__":
    unittest.main()
