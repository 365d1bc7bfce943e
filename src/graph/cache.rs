//! A cache of checked TSV directories, so that a second start does not read and check
//! a million facts again: the directory's graph as a [`snapshot`], in a
//! cache directory of the user's (never beside the data).
//!
//! Each cache file starts with its key: fascia's version, the snapshot format, and the
//! path, size and modification time of each data file. A cache whose key differs, or
//! whose bytes do not match their checksum or do not decode, is ignored and written
//! again; it is never trusted. Writes go to a temporary file in the cache directory,
//! renamed into place, so a reader never sees half a file.

use super::Atlas;
use super::error::LoadError;
use super::load::LoadOptions;
use super::snapshot;
use super::tsv;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a cache file starts with, before its key.
const MAGIC: &[u8; 8] = b"FSCACHE1";

/// The variable from which the binary reads whether the cache is off (`off`) or on
/// (`on`, the default).
pub const CACHE_VAR: &str = "FASCIA_CACHE";
/// The variable from which the binary reads the cache directory's size cap (bytes);
/// the least recently used cache files go first.
pub const CACHE_SIZE_VAR: &str = "FASCIA_CACHE_SIZE";
/// The cache directory's size cap by default.
pub const DEFAULT_CACHE_SIZE: u64 = 1 << 30;

/// [`load_dir_with`] within the default [`LoadOptions`].
pub fn load_dir(dir: &Path, cache: Option<&Path>) -> Result<Atlas, LoadError> {
    load_dir_with(dir, cache, &LoadOptions::default())
}

/// Loads a data directory as [`super::load_dir_with`] does; a TSV directory is read
/// from `cache` when a fresh copy is there, and written there after loading when not.
/// Without `cache`, or for a directory of TOML files, this is
/// [`super::load_dir_with`]. Where the cache is, and whether there is one, is the
/// caller's choice (the binary reads `FASCIA_CACHE`, `FASCIA_CACHE_DIR`,
/// `XDG_CACHE_HOME` and `HOME`).
pub fn load_dir_with(
    dir: &Path,
    cache: Option<&Path>,
    options: &LoadOptions,
) -> Result<Atlas, LoadError> {
    let Some(cache) = cache.filter(|_| tsv::is_tsv_dir(dir)) else {
        return super::load::load_dir_with(dir, options);
    };
    let cap = options.max_cache_size;
    // the key is taken before the files are read: a file changed while loading gives
    // a key that no later start matches
    let Some((key, file)) = key(dir).map(|key| (key, cache.join(file_name(dir)))) else {
        return super::load::load_dir_with(dir, options);
    };
    let origin = dir.display().to_string();
    if let Some(atlas) = read(&file, &key, &origin, cap) {
        return Ok(atlas);
    }
    let atlas = super::load::load_dir_with(dir, options)?;
    // a cache that cannot be written costs only the next start's time
    if atlas.warnings().is_empty() {
        let _ = write(cache, &file, &key, &atlas, cap);
    }
    Ok(atlas)
}

/// fascia's version, the snapshot format, and each data file's path, device, inode,
/// size and modification and change times; `None` if a file cannot be looked at. The
/// change time cannot be set back (`touch -d` sets the modification time, and moves the
/// change time on), so an edit that keeps a file's size is still seen.
fn key(dir: &Path) -> Option<String> {
    let mut key = format!(
        "fascia {}\nsnapshot {}\n",
        env!("CARGO_PKG_VERSION"),
        snapshot::format_version()
    );
    for name in [tsv::NODES, tsv::EDGES] {
        let path = std::fs::canonicalize(dir.join(name)).ok()?;
        let meta = std::fs::metadata(&path).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        key.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            path.display(),
            meta.len(),
            modified.as_nanos(),
            identity(&meta)
        ));
    }
    Some(key)
}

/// The file's device, inode and change time, where the system has them.
#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> String {
    use std::os::unix::fs::MetadataExt;
    format!(
        "{}:{}:{}.{:09}",
        meta.dev(),
        meta.ino(),
        meta.ctime(),
        meta.ctime_nsec()
    )
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> String {
    String::new()
}

/// One cache file per directory, named by a hash of its path.
fn file_name(dir: &Path) -> String {
    let path = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    format!(
        "{:016x}.snapshot",
        fnv1a(path.display().to_string().as_bytes())
    )
}

/// FNV-1a over 64-bit words, then the bytes left over: a file name and a checksum
/// against a damaged file (tens of megabytes, so a word at a time), not a guard against
/// someone who writes to the cache on purpose.
fn fnv1a(bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let words = bytes.chunks_exact(8);
    let rest = words.remainder();
    let h = words.fold(0xcbf2_9ce4_8422_2325, |h, w| {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        (h ^ u64::from_le_bytes(word)).wrapping_mul(PRIME)
    });
    rest.iter()
        .fold(h, |h, b| (h ^ u64::from(*b)).wrapping_mul(PRIME))
}

/// The cache file's graph, if its key is `key` and its bytes are whole. Only a regular
/// file no larger than the cache's size cap is read.
fn read(file: &Path, key: &str, origin: &str, cap: u64) -> Option<Atlas> {
    let bytes = super::disk::read_bounded(file, cap).ok()?;
    let rest = bytes.strip_prefix(MAGIC)?;
    let (len, rest) = rest.split_first_chunk::<4>()?;
    let (found, rest) = rest.split_at_checked(u32::from_le_bytes(*len) as usize)?;
    if found != key.as_bytes() {
        return None;
    }
    let (sum, snapshot) = rest.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*sum) != fnv1a(snapshot) {
        return None;
    }
    // a file read is a file used: the last to be evicted
    if let Ok(f) = std::fs::File::options().append(true).open(file) {
        let _ = f.set_modified(std::time::SystemTime::now());
    }
    snapshot::decode_owned(snapshot, origin)
}

/// Writes the cache file through a fresh temporary file of its own (see
/// [`super::disk`]), private to the user (0600 in a 0700 directory), then evicts the
/// least recently used files beyond the size cap.
fn write(cache: &Path, file: &Path, key: &str, atlas: &Atlas, cap: u64) -> std::io::Result<()> {
    create_private_dir(cache)?;
    let snapshot = snapshot::encode(atlas);
    let key_len = u32::try_from(key.len()).map_err(std::io::Error::other)?;
    super::disk::replace(file, Some(0o600), |out| {
        let mut out = std::io::BufWriter::new(out);
        out.write_all(MAGIC)?;
        out.write_all(&key_len.to_le_bytes())?;
        out.write_all(key.as_bytes())?;
        out.write_all(&fnv1a(&snapshot).to_le_bytes())?;
        out.write_all(&snapshot)?;
        out.flush()
    })?;
    evict(cache, cap, file);
    Ok(())
}

/// Creates the cache directory (and its parents) readable by the user alone.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Removes cache files, least recently used first, until those left hold at most `cap`
/// bytes; `keep` (the file just written) stays whatever its size.
fn evict(cache: &Path, cap: u64, keep: &Path) {
    let Ok(entries) = std::fs::read_dir(cache) else {
        return;
    };
    let paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    // a temporary file an hour old was left by a write that was stopped
    let stale = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for temp in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "tmp"))
    {
        let meta = std::fs::symlink_metadata(temp);
        if meta.is_ok_and(|m| m.is_file() && m.modified().is_ok_and(|t| t < stale)) {
            let _ = std::fs::remove_file(temp);
        }
    }
    let mut files: Vec<(std::time::SystemTime, u64, PathBuf)> = paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "snapshot"))
        .filter_map(|p| {
            let meta = std::fs::symlink_metadata(&p).ok()?;
            let used = meta.modified().ok()?;
            meta.is_file().then_some((used, meta.len(), p))
        })
        .collect();
    // newest first
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    let mut total = 0u64;
    for (_, len, path) in files {
        total = total.saturating_add(len);
        if total > cap && path != keep {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Relation};

    fn tsv_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(tsv::NODES),
            "id\tkind\tname\nsoleus\tmuscle\tSoleus\ntibial-nerve\tnerve\tTibial nerve\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join(tsv::EDGES),
            "subject\tpredicate\tobject\nsoleus\tinnervated-by\ttibial-nerve\n",
        )
        .unwrap();
        dir
    }

    fn cache_files(cache: &Path) -> Vec<PathBuf> {
        std::fs::read_dir(cache)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default()
    }

    /// What the tibial nerve innervates, read through the indexes a cached graph rebuilt.
    fn answers(atlas: &Atlas) -> usize {
        let Some(nerve) = atlas.by_id("tibial-nerve") else {
            return usize::MAX;
        };
        atlas
            .neighbours(nerve, Relation::InnervatedBy, Direction::Inverse)
            .count()
    }

    #[test]
    fn a_second_load_reads_the_cache_and_answers_the_same() {
        let (data, cache) = (tsv_dir(), tempfile::tempdir().unwrap());
        let first = load_dir(data.path(), Some(cache.path())).unwrap();
        let files = cache_files(cache.path());
        assert_eq!(
            files.len(),
            1,
            "one cache file, no temporary left: {files:?}"
        );
        let second = load_dir(data.path(), Some(cache.path())).unwrap();
        assert_eq!(second.structure_count(), first.structure_count());
        assert_eq!(second.fact_count(), first.fact_count());
        assert_eq!(answers(&second), 1);
        assert_eq!(second.origin(), first.origin());
        // a cache written by the loader decodes as written
        let key = key(data.path()).unwrap();
        assert!(read(&files[0], &key, "x", DEFAULT_CACHE_SIZE).is_some());
    }

    #[test]
    fn a_changed_file_is_read_again_not_taken_from_the_cache() {
        let (data, cache) = (tsv_dir(), tempfile::tempdir().unwrap());
        load_dir(data.path(), Some(cache.path())).unwrap();
        let edges = data.path().join(tsv::EDGES);
        let mut text = std::fs::read_to_string(&edges).unwrap();
        text.push_str("soleus\tsupplied-by\ttibial-nerve\n");
        std::fs::write(&edges, text).unwrap();
        // a wrong fact (a nerve supplies nothing) shows the file was read and checked
        assert!(load_dir(data.path(), Some(cache.path())).is_err());
    }

    #[test]
    fn a_damaged_or_foreign_cache_file_is_ignored_and_rewritten() {
        let (data, cache) = (tsv_dir(), tempfile::tempdir().unwrap());
        load_dir(data.path(), Some(cache.path())).unwrap();
        let file = cache_files(cache.path()).remove(0);
        let good = std::fs::read(&file).unwrap();
        let key = key(data.path()).unwrap();
        for damage in [0, 9, good.len() / 2, good.len() - 1] {
            let mut bad = good.clone();
            bad[damage] ^= 0x5A;
            std::fs::write(&file, &bad).unwrap();
            assert!(
                read(&file, &key, "x", DEFAULT_CACHE_SIZE).is_none(),
                "damage at {damage}"
            );
            let atlas = load_dir(data.path(), Some(cache.path())).unwrap();
            assert_eq!(answers(&atlas), 1);
            assert_eq!(std::fs::read(&file).unwrap(), good, "rewritten whole");
        }
        std::fs::write(&file, b"not a cache").unwrap();
        assert_eq!(
            answers(&load_dir(data.path(), Some(cache.path())).unwrap()),
            1
        );
        // another version's key is another key
        assert!(
            read(
                &file,
                &key.replace("fascia ", "fascia 0."),
                "x",
                DEFAULT_CACHE_SIZE
            )
            .is_none()
        );
    }

    #[test]
    fn without_a_cache_directory_nothing_is_written() {
        let data = tsv_dir();
        let atlas = load_dir(data.path(), None).unwrap();
        assert_eq!(answers(&atlas), 1);
        let names: Vec<_> = cache_files(data.path());
        assert_eq!(names.len(), 2, "only the data files: {names:?}");
    }
}
