//! The environment's settings for loading: the library takes them as
//! [`LoadOptions`] and a cache directory, and only the binary reads the variables.

use fascia::graph::{cache, load, tsv};
use fascia::{Atlas, LoadError, LoadOptions};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// `--no-cache`: set once from the command line, read wherever data is loaded.
static NO_CACHE: AtomicBool = AtomicBool::new(false);

/// Whether data is read afresh rather than from the cache (`--no-cache`).
pub fn set_no_cache(no_cache: bool) {
    NO_CACHE.store(no_cache, Ordering::Relaxed);
}

/// Loads `path` as `--data` and the shell's `:data` do: a directory (through the cache
/// unless `--no-cache` or `FASCIA_CACHE=off`) or an exported file, within the limits
/// the environment sets.
pub fn load_data(path: &Path) -> Result<Atlas, LoadError> {
    let cache = if path.is_dir() && !NO_CACHE.load(Ordering::Relaxed) {
        cache_directory()?
    } else {
        None
    };
    let options = load_options(path, cache.is_some())?;
    fascia::load_path_cached(path, cache.as_deref(), &options)
}

/// A limit in bytes from the environment variable `name`, else `default`; anything but
/// a positive number is an error naming the variable.
pub fn size_setting(name: &'static str, default: u64) -> Result<u64, LoadError> {
    let expected = "a positive number of bytes";
    match std::env::var(name) {
        Err(std::env::VarError::NotPresent) => Ok(default),
        Ok(text) => text
            .trim()
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or(LoadError::BadSetting {
                name,
                value: text,
                expected,
            }),
        Err(std::env::VarError::NotUnicode(v)) => Err(LoadError::BadSetting {
            name,
            value: v.to_string_lossy().into_owned(),
            expected,
        }),
    }
}

/// The limits of loading `path`: `FASCIA_MAX_FILE_SIZE` for a TOML directory or an
/// exported file, `FASCIA_MAX_TSV_SIZE` for a TSV directory, `FASCIA_CACHE_SIZE` when
/// it goes through the cache (`cached`); each is read only where it applies, so a bad
/// value of another is no error.
pub fn load_options(path: &Path, cached: bool) -> Result<LoadOptions, LoadError> {
    let mut options = LoadOptions::default();
    if tsv::is_tsv_dir(path) {
        options.max_tsv_size = size_setting(tsv::MAX_FILE_SIZE_VAR, options.max_tsv_size)?;
    } else {
        options.max_file_size = size_setting(load::MAX_FILE_SIZE_VAR, options.max_file_size)?;
    }
    if cached {
        options.max_cache_size = cache_size()?;
    }
    Ok(options)
}

fn cache_size() -> Result<u64, LoadError> {
    size_setting(cache::CACHE_SIZE_VAR, cache::DEFAULT_CACHE_SIZE)
}

/// The cache directory from the environment: `FASCIA_CACHE=off` turns caching off
/// (`on` or unset leaves it on; anything else is an error naming the variable),
/// `FASCIA_CACHE_DIR` names the directory; else `fascia` under `XDG_CACHE_HOME`, or
/// under `~/.cache`.
pub fn cache_directory() -> Result<Option<PathBuf>, LoadError> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    match var(cache::CACHE_VAR) {
        None => {}
        Some(v) if v == "on" => {}
        Some(v) if v == "off" => return Ok(None),
        Some(v) => {
            return Err(LoadError::BadSetting {
                name: cache::CACHE_VAR,
                value: v.to_string_lossy().into_owned(),
                expected: "`on` or `off`",
            });
        }
    }
    // checked now, so that a bad value is an error before any data is read
    cache_size()?;
    if let Some(dir) = var("FASCIA_CACHE_DIR") {
        return Ok(Some(PathBuf::from(dir)));
    }
    let base = var("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| var("HOME").map(|home| Path::new(&home).join(".cache")));
    Ok(base.map(|b| b.join("fascia")))
}
