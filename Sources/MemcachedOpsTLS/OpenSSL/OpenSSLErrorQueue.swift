import COpenSSL

/// Reads OpenSSL's per-thread error queue.
///
/// The texts come from `ERR_error_string_n`: library, function and reason names. They never
/// contain the bytes of a key or a certificate.
enum OpenSSLErrorQueue {
    /// Removes every queued error and returns their texts, oldest first.
    static func drain() -> [String] {
        var texts: [String] = []
        var buffer = [CChar](repeating: 0, count: 256)
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            buffer.withUnsafeMutableBufferPointer { pointer in
                guard let base = pointer.baseAddress else { return }
                ERR_error_string_n(code, base, pointer.count)
            }
            texts.append(CText.string(buffer))
        }
        return texts
    }

    /// Empties the queue, so that a later ``drain()`` reports only what follows.
    static func clear() {
        ERR_clear_error()
    }
}
