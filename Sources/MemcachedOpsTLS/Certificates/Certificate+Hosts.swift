import COpenSSL

extension Certificate {
    /// Whether the certificate names `host`: a DNS name in its subject alternative names
    /// (wildcards such as `*.demo.svc` match one label), or an IP address.
    ///
    /// - Parameter host: A host name or an IPv4 or IPv6 address.
    /// - Returns: `true` when a client dialing `host` would accept the certificate's name.
    public func covers(host: String) -> Bool {
        defer { OpenSSLErrorQueue.clear() }
        if IPAddress.isAddress(host) {
            return X509_check_ip_asc(handle.pointer, host, 0) == 1
        }
        return X509_check_host(handle.pointer, host, host.utf8.count, 0, nil) == 1
    }
}
