"""Connects to memcached as mcops-bench does, with Python's ssl module.

Each iteration connects to 127.0.0.1:PORT, does a TLS handshake that verifies the server
against the CA file and the address 127.0.0.1 (or stays plain TCP without --cafile), sends
`version\\r\\n`, reads the reply and closes. One SSLContext serves every connection, as a
Python client would hold it. Prints {"p50": {"median": ms, "min": ..., "max": ...},
"p99": {...}}: the spread over runs of each run's median and 99th percentile latency.
"""
import argparse
import json
import socket
import ssl
import statistics
import time


def percentile(sorted_values, fraction):
    position = round((len(sorted_values) - 1) * fraction)
    return sorted_values[min(len(sorted_values) - 1, position)]


def connect_and_ask(port, context):
    raw = socket.create_connection(("127.0.0.1", port), timeout=2)
    try:
        stream = context.wrap_socket(raw, server_hostname="127.0.0.1") if context else raw
        try:
            stream.sendall(b"version\r\n")
            reply = b""
            while not reply.endswith(b"\r\n"):
                chunk = stream.recv(256)
                if not chunk:
                    raise ConnectionError("memcached closed the connection")
                reply += chunk
            if not reply.startswith(b"VERSION "):
                raise ConnectionError(f"unexpected reply {reply!r}")
        finally:
            if stream is not raw:
                stream.close()
    finally:
        raw.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cafile", help="verify TLS against this CA; plain TCP without it")
    parser.add_argument("--iterations", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    context = None
    if args.cafile:
        context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=args.cafile)
        context.minimum_version = ssl.TLSVersion.TLSv1_2

    for _ in range(max(1, args.iterations // 10)):
        connect_and_ask(args.port, context)
    medians, tails = [], []
    for _ in range(args.runs):
        latencies = []
        for _ in range(args.iterations):
            start = time.perf_counter()
            connect_and_ask(args.port, context)
            latencies.append((time.perf_counter() - start) * 1000)
        latencies.sort()
        medians.append(percentile(latencies, 0.5))
        tails.append(percentile(latencies, 0.99))

    def spread(values):
        return {"median": statistics.median(values), "min": min(values), "max": max(values)}

    print(json.dumps({"p50": spread(medians), "p99": spread(tails)}))


if __name__ == "__main__":
    main()
