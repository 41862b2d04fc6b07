import CLibCrypto

/// SHA-256 from the system's libcrypto (OpenSSL's EVP interface): the one digest the suite needs, without building a
/// cryptography library from source.
final class SHA256 {
    typealias Digest = [UInt8]

    private let context: OpaquePointer

    init() {
        // Allocation or initialisation of a SHA-256 context fails only when the process is out of memory.
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("libcrypto could not start a SHA-256 digest")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    func update(data bytes: [UInt8]) {
        bytes.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
    }

    func finalize() -> Digest {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        _ = EVP_DigestFinal_ex(context, &out, &length)
        return out
    }

    static func hash(data bytes: [UInt8]) -> Digest {
        let hasher = SHA256()
        hasher.update(data: bytes)
        return hasher.finalize()
    }
}
