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
    clap_complete::generate(shell, &mut cmd, "planbord", out);
    Ok(ExitCode::SUCCESS)
}

/// `planbord man [MAP]`: planbord(1) on stdout, or every page (one per command too) in `map`.
pub fn man(map: Option<&Path>, out: &mut impl Write) -> CliResult {
    let cmd = super::args::command(BREEDTE);
    match map {
        None => clap_mangen::Man::new(cmd).render(out)?,
        Some(map) => {
            std::fs::create_dir_all(map)?;
            clap_mangen::generate_to(cmd, map)?;
            writeln!(out, "{}", wording::man_geschreven(map))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
