//! Git integration: `planbord merge-driver %O %A %B %P` merges a board or the organisation the
//! way the TUI does, and `planbord git-setup` configures a werkmap's repository to use it.

use std::io::Write;
use std::path::Path;
use std::process::{Command, ExitCode};

use super::{CliError, CliResult};
use crate::domain::merge;
use crate::domain::ops::{Context, Document, Mode, Notice};
use crate::domain::{Bord, Moment, Organisatie};
use crate::storage::{format, save};
use crate::wording;
fn read(path: &Path) -> Result<String, CliError> {
    let bytes = std::fs::read(path).map_err(|e| wording::bestand_niet_te_lezen(path, &e))?;
    Ok(format::strip_bom(&String::from_utf8_lossy(&bytes)).to_string())
}

/// Merges `ours` (written in place) with `theirs` against `base`, field by field as the TUI
/// does (what `theirs` changed since `base` is applied to `ours`; where both changed a field,
/// ours stays and theirs becomes a note or a line in the merge log). Exit 0 when merged, 1
/// with git-style conflict markers when a version cannot be read.
pub fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    name: &str,
    out: &mut impl Write,
) -> CliResult {
    let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
    let now = chrono::Local::now().naive_local().with_nanosecond_zero();
    // During a rebase git calls the upstream "ours" and the commit being replayed "theirs";
    // the commit being replayed is the user's own work, so its values win a clash there.
    let (first, second) = if rebasing() { (&t, &o) } else { (&o, &t) };
    let merged = merge_texts::<Bord>(&b, first, second, now)
        .or_else(|| merge_texts::<Organisatie>(&b, first, second, now))
        .ok_or_else(|| wording::merge_onleesbaar(name))
        .and_then(|r| r.map_err(|e| e.to_string()));
    match merged {
        Ok((text_out, meldingen)) => {
            save::write_atomic(ours, text_out.as_bytes())?;
            // Git runs the driver in the repository's root; %P is relative to it.
            let dir = Path::new(name)
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let _ = save::log_merge(dir, name, &meldingen, now);
            for m in &meldingen {
                writeln!(out, "planbord: {name}: {m}")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(why) => {
            let conflict = format!("<<<<<<< ours\n// {why}\n{o}=======\n{t}>>>>>>> theirs\n");
            std::fs::write(ours, conflict)?;
            writeln!(out, "planbord: {why}")?;
            Ok(ExitCode::from(1))
        }
    }
}

/// Whether git is rebasing (or applying patches) in the repository the driver runs in.
fn rebasing() -> bool {
    ["rebase-merge", "rebase-apply"].iter().any(|d| {
        Command::new("git")
            .args(["rev-parse", "--git-path", d])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .is_some_and(|o| Path::new(String::from_utf8_lossy(&o.stdout).trim()).exists())
    })
}

/// The three-way merge of three texts of one kind of file; `None` when they are not all of
/// that kind.
fn merge_texts<D: Document>(
    b: &str,
    o: &str,
    t: &str,
    now: chrono::NaiveDateTime,
) -> Option<Result<(String, Vec<String>), ron::Error>> {
    let (b, o, t) = (
        format::parse::<D>(b).ok()?,
        format::parse::<D>(o).ok()?,
        format::parse::<D>(t).ok()?,
    );
    let w: fn(&Notice) -> String = wording::notitie;
    let cx = Context {
        mode: Mode::Merge,
        at: Moment(now),
        wording: &w,
    };
    let m = merge::three_way(&b, &o, &t, &cx);
    let meldingen = m.notices.iter().map(wording::melding).collect();
    Some(format::to_canonical(&m.value).map(|s| (s, meldingen)))
}

trait NoNanos {
    fn with_nanosecond_zero(self) -> Self;
}

impl NoNanos for chrono::NaiveDateTime {
    fn with_nanosecond_zero(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}

/// Configures the repository of a werkmap: `.gitattributes` routes `*.ron` to the driver, git
/// config names the driver (this program), the history and the merge log merge by union so
/// they travel with the werkmap, and `.gitignore` leaves out only what is local: locks, kept
/// versions and temporary files (DESIGN.md section 7).
pub fn git_setup(map: &Path, out: &mut impl Write) -> CliResult {
    let git = |args: &[&str]| -> Result<String, CliError> {
        let o = Command::new("git")
            .arg("-C")
            .arg(map)
            .args(args)
            .output()
            .map_err(|e| wording::git_niet_te_starten(&e))?;
        if o.status.success() {
            Ok(String::from_utf8_lossy(&o.stdout).trim().to_string())
        } else {
            Err(CliError::Message(wording::geen_git(
                map,
                &String::from_utf8_lossy(&o.stderr),
            )))
        }
    };
    git(&["rev-parse", "--show-toplevel"])?;
    let exe = std::env::current_exe()?;
    let exe = exe
        .to_str()
        .ok_or_else(|| CliError::Message(wording::pad_geen_tekst(&exe)))?;
    let driver = format!("{} merge-driver %O %A %B %P", sh_quote(exe));
    git(&[
        "config",
        "merge.planbord.name",
        "planbord: borden en organisatie samenvoegen",
    ])?;
    git(&["config", "merge.planbord.driver", &driver])?;
    let attributes = map.join(".gitattributes");
    for line in GIT_ATTRIBUTES {
        append_line(&attributes, line)?;
    }
    let ignore = map.join(".gitignore");
    // An older git-setup ignored all of `.planbord/`, the history with it.
    remove_line(&ignore, ".planbord/")?;
    for line in GIT_IGNORE {
        append_line(&ignore, line)?;
    }
    writeln!(
        out,
        "{}",
        wording::git_ingesteld(map, &GIT_ATTRIBUTES, &GIT_IGNORE, &driver)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The lines `git-setup` puts in the werkmap's `.gitattributes`.
pub const GIT_ATTRIBUTES: [&str; 3] = [
    "*.ron merge=planbord",
    ".planbord/historie/** merge=union",
    ".planbord/samenvoegingen.log merge=union",
];

/// The lines `git-setup` puts in the werkmap's `.gitignore`: what is only this computer's.
pub const GIT_IGNORE: [&str; 3] = [".planbord/locks/", ".planbord/vorige/", ".*.tmp"];

/// Removes the line `line` from the file at `path`, when it is there.
fn remove_line(path: &Path, line: &str) -> Result<(), CliError> {
    let Ok(existing) = std::fs::read_to_string(path) else {
        return Ok(());
    };
    if !existing.lines().any(|l| l.trim() == line) {
        return Ok(());
    }
    let kept: Vec<&str> = existing.lines().filter(|l| l.trim() != line).collect();
    let mut text = kept.join("\n");
    text.push('\n');
    save::write_atomic(path, text.as_bytes())?;
    Ok(())
}

/// Quotes a word for the POSIX shell that git runs a merge driver with (Git for Windows runs
/// it with its own `sh` too): between single quotes nothing is expanded, not `$(…)`, not `` ` ``,
/// not `$VAR`; a `'` itself is written as `'\''` (close, an escaped quote, open again).
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

fn append_line(path: &Path, line: &str) -> Result<(), CliError> {
    let existing = std::fs::read_to_string(path).unwrap_or_default();
    if existing.lines().any(|l| l.trim() == line) {
        return Ok(());
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line);
    text.push('\n');
    save::write_atomic(path, text.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::sh_quote;

    #[test]
    fn quotes_for_the_shell() {
        assert_eq!(sh_quote("/usr/bin/planbord"), "'/usr/bin/planbord'");
        assert_eq!(sh_quote("/a b/$(x)/`y`"), "'/a b/$(x)/`y`'");
        assert_eq!(sh_quote("/it's"), "'/it'\\''s'");
    }
}
