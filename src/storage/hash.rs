//! Content hashes: how storage knows whether a file on disk is still what it loaded. A fast
//! non-cryptographic 128-bit hash (XXH3): it only has to tell versions of one file apart, and
//! it is computed on every save and every change the watcher reports.

/// XXH3-128 of a file's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContentHash(u128);

impl ContentHash {
    /// The hash of these bytes.
    pub fn of(bytes: &[u8]) -> ContentHash {
        ContentHash(xxhash_rust::xxh3::xxh3_128(bytes))
    }
}
