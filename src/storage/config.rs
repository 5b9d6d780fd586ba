//! The user's config file: a RON file in the `directories` config folder, all fields optional.

use std::path::PathBuf;

use crate::config::Config;

/// Where the config lives: `$PLANBORD_CONFIG` if set (tests use it), else the user's config
/// folder (`~/.config/planbord/config.ron` on Linux).
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PLANBORD_CONFIG") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("nl", "planbord", "planbord")
        .map(|d| d.config_dir().join("config.ron"))
}

/// Reads the config. No file means the defaults; a broken file gives the defaults and a
/// positioned diagnostic, so the program still starts. The config names its file in
/// [`Config::bestand`] either way.
pub fn load() -> (Config, Option<super::Diagnostic>) {
    let Some(path) = path() else {
        return (Config::default(), None);
    };
    let (mut config, fout) = read(&path);
    config.bestand = Some(path);
    (config, fout)
}

fn read(path: &std::path::Path) -> (Config, Option<super::Diagnostic>) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return (Config::default(), None);
    };
    match super::format::parse::<Config>(super::format::strip_bom(&text)) {
        Ok(c) => (c, None),
        Err(e) => (
            Config::default(),
            Some(super::Diagnostic {
                bestand: path.display().to_string(),
                regel: e.span.start.line,
                kolom: e.span.start.col,
                melding: super::Melding::Ron(e.code),
            }),
        ),
    }
}
