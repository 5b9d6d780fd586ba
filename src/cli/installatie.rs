//! What a user or a package installs beside the binary: shell completions and man pages,
//! both generated from the command line's definition so they never drift from it.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap_complete::Shell;

use super::CliResult;
use crate::wording;

/// Man pages and completions are not laid out for a terminal: clap's default width.
const BREEDTE: usize = 100;

/// `planbord completions SHELL`: the completion script for that shell, on stdout.
pub fn completions(shell: Shell, out: &mut impl Write) -> CliResult {
    let mut cmd = super::args::command(BREEDTE);
    // Generated into memory: clap_complete panics when its writer fails (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "planbord", &mut script);
    out.write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}

/// `planbord man [MAP]`: planbord(1) on stdout, or every page (one per command too) in `map`.
pub fn man(map: Option<&Path>, out: &mut impl Write) -> CliResult {
    let cmd = super::args::command(BREEDTE);
    match map {
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut page)?;
            out.write_all(&page)?;
        }
        Some(map) => {
            std::fs::create_dir_all(map)?;
            clap_mangen::generate_to(cmd, map)?;
            writeln!(out, "{}", wording::man_geschreven(map))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
