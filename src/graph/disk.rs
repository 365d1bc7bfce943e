//! Files read and written the guarded way, for every file fascia touches: reads take
//! regular files only (a FIFO would wait for a writer forever, `/dev/zero` never ends)
//! and never more than a limit; writes go to a fresh temporary file beside the target,
//! created with `create_new` under an unpredictable name, then renamed over it, so a
//! link planted at the target or at the temporary name is never written through and
//! an interrupted write leaves the old file whole.

use std::hash::{BuildHasher, Hasher};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// "a FIFO", "a directory", … for messages about files that are not what was expected.
pub fn file_type_name(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a directory"
    } else if t.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Reading failed: no such file, no permission …
    Io(io::Error),
    /// Not a regular file: "a FIFO", "a character device" …
    NotRegular(&'static str),
    /// Larger than the limit given (bytes).
    TooLarge(u64),
}

/// The whole of a regular file, refused before reading when it is not one or when it
/// holds more than `max` bytes, and never read past `max` (a file that grows while
/// read). Symbolic links are followed.
pub fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    // looked at before opening: opening a FIFO for reading waits for a writer
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(file_type_name(&meta.file_type())));
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge(max));
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    // and again once open: the path may have been replaced in between
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(file_type_name(&meta.file_type())));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge(max));
    }
    Ok(bytes)
}

/// Refuses a write target that exists and is not a regular file: renaming over it would
/// replace a symbolic link itself, a device or a FIFO.
pub fn check_target(target: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(target) {
        Ok(meta) if meta.file_type().is_file() => Ok(()),
        Ok(meta) => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "it is {}; only a regular file or a new path is written",
                file_type_name(&meta.file_type())
            ),
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// A temporary file beside a target, renamed over it by [`Replacing::commit`] and
/// removed if dropped before.
pub struct Replacing {
    target: PathBuf,
    temp: PathBuf,
    file: io::BufWriter<std::fs::File>,
}

impl Replacing {
    /// A fresh temporary file in `target`'s directory. `mode` (Unix permissions) is the
    /// new file's; `None` keeps the target's, or gives a plain new file's.
    pub fn create(target: &Path, mode: Option<u32>) -> io::Result<Replacing> {
        check_target(target)?;
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
            let kept =
                || std::fs::metadata(target).map_or(0o666, |m| m.permissions().mode() & 0o7777);
            options.mode(mode.unwrap_or_else(kept));
        }
        #[cfg(not(unix))]
        let _ = mode;
        // a name taken (by chance or planted) is passed over, never opened
        for _ in 0..64 {
            let temp = dir.join(format!(".{name}.{:016x}.tmp", unpredictable()));
            match options.open(&temp) {
                Ok(file) => {
                    return Ok(Replacing {
                        target: target.to_path_buf(),
                        temp,
                        file: io::BufWriter::new(file),
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "no fresh temporary name beside it",
        ))
    }

    /// The temporary file's path (to remove it if the process is stopped).
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// Where the bytes go until [`Replacing::commit`].
    pub fn writer(&mut self) -> &mut dyn Write {
        &mut self.file
    }

    /// Flushes, syncs and renames the temporary file over the target, unless the target
    /// became a link or a special file meanwhile.
    pub fn commit(mut self) -> io::Result<()> {
        self.file.flush()?;
        self.file.get_ref().sync_all()?;
        check_target(&self.target)?;
        std::fs::rename(&self.temp, &self.target)?;
        // renamed: nothing left to remove
        self.temp = PathBuf::new();
        Ok(())
    }
}

impl Drop for Replacing {
    fn drop(&mut self) {
        if !self.temp.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Writes `target` whole through [`Replacing`]: the old file stays as it was unless
/// `write` succeeds.
pub fn replace(
    target: &Path,
    mode: Option<u32>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut file = Replacing::create(target, mode)?;
    write(file.writer())?;
    file.commit()
}

/// 64 bits no other process can guess: the standard library seeds each `RandomState`
/// from the operating system's randomness.
pub fn unpredictable() -> u64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_within_the_limit_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, b"12345").unwrap();
        assert_eq!(read_bounded(&file, 5).unwrap(), b"12345");
        assert!(matches!(
            read_bounded(&file, 4),
            Err(ReadError::TooLarge(4))
        ));
        assert!(matches!(
            read_bounded(dir.path(), 10),
            Err(ReadError::NotRegular("a directory"))
        ));
        #[cfg(unix)]
        assert!(matches!(
            read_bounded(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular("a character device"))
        ));
    }

    #[test]
    fn replaces_whole_files_and_refuses_links() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.txt");
        replace(&target, None, |w| w.write_all(b"one")).unwrap();
        replace(&target, None, |w| w.write_all(b"two")).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        // a failed write leaves the old file and no temporary file
        let failed = replace(&target, None, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("stopped"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
        #[cfg(unix)]
        {
            let victim = dir.path().join("victim");
            std::fs::write(&victim, b"keep").unwrap();
            let link = dir.path().join("link.csv");
            std::os::unix::fs::symlink(&victim, &link).unwrap();
            let refused = replace(&link, None, |w| w.write_all(b"x")).unwrap_err();
            assert_eq!(
                refused.to_string(),
                "it is a symbolic link; only a regular file or a new path is written"
            );
            assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        }
    }

    #[test]
    fn temporary_names_differ_each_time() {
        assert_ne!(unpredictable(), unpredictable());
    }
}
