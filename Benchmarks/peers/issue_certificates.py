"""Issues certificates with Python's cryptography, as mcops-bench does with OpenSSL.

Each iteration generates a key and issues a server certificate signed by a P-256 CA,
naming a DNS name and 127.0.0.1. Prints {"median": certs/s, "min": ..., "max": ...}.
"""
import argparse
import datetime
import ipaddress
import json
import statistics
import time

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID


def make_ca():
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "bench CA")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def issue(ca_key, ca_certificate, algorithm):
    if algorithm == "ecdsa-p256":
        key = ec.generate_private_key(ec.SECP256R1())
    else:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.datetime.now(datetime.timezone.utc)
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "memcached")]))
        .issuer_name(ca_certificate.subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(now + datetime.timedelta(days=90))
        .add_extension(x509.SubjectAlternativeName([
            x509.DNSName("memcd.demo.svc"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))
        ]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--algorithm", choices=["ecdsa-p256", "rsa-2048"], required=True)
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    ca_key, ca_certificate = make_ca()
    for _ in range(max(1, args.iterations // 10)):
        issue(ca_key, ca_certificate, args.algorithm)
    samples = []
    for _ in range(args.runs):
        start = time.perf_counter()
        for _ in range(args.iterations):
            issue(ca_key, ca_certificate, args.algorithm)
        samples.append(args.iterations / (time.perf_counter() - start))
    print(json.dumps({"median": statistics.median(samples), "min": min(samples),
                      "max": max(samples)}))


if __name__ == "__main__":
    main()
