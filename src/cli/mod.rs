//! The command line of DESIGN.md section 4: thin shells over capacity, storage and the
//! report. With the terminal shell (`tui`), the only place that reads the clock and prints.
//!
//! Owns: argument parsing, exit codes and printing (text, JSON, CSV). May use: every layer
//! below it, and `tui` to start the board; nothing uses it but `main.rs`.

mod args;
mod breedte;
mod capaciteit;
mod controleer;
mod demo;
mod git;
mod importeer;
mod installatie;
pub mod locations;
mod mensen;
mod nieuw;
mod opgaven;
mod overzicht;
pub mod sanitize;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::wording;
pub use args::{Cli, Opdracht};
use locations::Genoemd;

/// Runs the command line with these arguments (the first is the program name).
pub fn run(argv: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    let breedte = breedte::breedte();
    let cli = match args::parse(argv, breedte) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let vandaag = cli.vandaag.unwrap_or_else(today);
    let mut out = std::io::stdout().lock();
    let result = match cli.opdracht {
        None => {
            let genoemd = Genoemd {
                argument: cli.pad.as_deref(),
                optie: cli.werkmap.as_deref(),
            };
            if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                tui(genoemd, vandaag, None)
            } else {
                werkmap(genoemd).and_then(|map| overzicht::run(&map, vandaag, breedte, &mut out))
            }
        }
        Some(Opdracht::Controleer(a)) => werkmap(Genoemd {
            argument: a.werkmap.as_deref(),
            optie: a.werkmap_optie.as_deref(),
        })
        .and_then(|map| controleer::run(&map, &a, vandaag, breedte, &mut out)),
        Some(Opdracht::Capaciteit(a)) => werkmap(Genoemd {
            argument: a.werkmap.as_deref(),
            optie: a.werkmap_optie.as_deref(),
        })
        .and_then(|map| capaciteit::run(&map, &a, vandaag, breedte, &mut out)),
        Some(Opdracht::Rapport(a)) => werkmap(Genoemd {
            argument: a.werkmap.as_deref(),
            optie: a.werkmap_optie.as_deref(),
        })
        .and_then(|map| rapport(&map, &a, vandaag, &mut out)),
        Some(Opdracht::Agenda(a)) => werkmap(Genoemd {
            argument: a.werkmap.as_deref(),
            optie: a.werkmap_optie.as_deref(),
        })
        .and_then(|map| agenda(&map, &a, vandaag, &mut out)),
        Some(Opdracht::Opgaven(a)) => werkmap(Genoemd {
            argument: a.werkmap.as_deref(),
            optie: a.werkmap_optie.as_deref(),
        })
        .and_then(|map| opgaven::run(&map, &a, vandaag, breedte, &mut out)),
        Some(Opdracht::Standup(a)) => standup(&a, vandaag),
        Some(Opdracht::Demo(a)) => demo::run(&a, vandaag, &mut out),
        Some(Opdracht::Nieuw(a)) => nieuw::run(&a, vandaag, breedte, &mut out),
        Some(Opdracht::Mensen(a)) => werkmap(Genoemd {
            argument: a.werkmap.as_deref(),
            optie: a.werkmap_optie.as_deref(),
        })
        .and_then(|map| mensen::run(&map, &a, vandaag, breedte, &mut out)),
        Some(Opdracht::Importeer(args::ImporteerArgs {
            wat: args::Importeer::Mensen(a),
        })) => werkmap(Genoemd {
            argument: a.werkmap.as_deref(),
            optie: a.werkmap_optie.as_deref(),
        })
        .and_then(|map| importeer::mensen(&map, &a, breedte, &mut out)),
        Some(Opdracht::MergeDriver(a)) => git::merge_driver(
            &a.basis,
            &a.ours,
            &a.theirs,
            &a.naam,
            &mut sanitize::Zichtbaar::new(std::io::stderr()),
        ),
        Some(Opdracht::GitSetup(a)) => werkmap(Genoemd {
            argument: a.werkmap.as_deref(),
            optie: a.werkmap_optie.as_deref(),
        })
        .and_then(|map| git::git_setup(&map, &mut sanitize::Zichtbaar::new(&mut out))),
        Some(Opdracht::Completions(a)) => installatie::completions(a.shell, &mut out),
        Some(Opdracht::Man(a)) => installatie::man(a.map.as_deref(), &mut out),
    };
    let result = result.and_then(|code| match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::from(e)),
        _ => Ok(code),
    });
    match result {
        Ok(code) => code,
        // A reader that stops early (`| head`) is not an error.
        Err(CliError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            // Wrapped to the terminal; a list under the message keeps its own lines.
            let text = format!("planbord: {}", wording::zichtbaar(&e.to_string()));
            for line in text.lines() {
                let opts = breedte::regels(breedte).subsequent_indent("  ");
                for part in textwrap::wrap(line, opts) {
                    eprintln!("{part}");
                }
            }
            ExitCode::from(2)
        }
    }
}

/// The werkmap of a command that only reads: found as DESIGN.md section 4 says, never created.
fn werkmap(genoemd: Genoemd<'_>) -> Result<PathBuf, CliError> {
    let (config, fout) = crate::storage::config::load();
    let fout = fout.as_ref().map(wording::diagnostic);
    let inst = locations::Instellingen {
        config: &config,
        fout: fout.as_deref(),
        pad: crate::storage::config::path(),
    };
    Ok(locations::zoek(genoemd, &inst, None)?.pad)
}

/// Text in lines of at most `breedte` columns: each line wrapped, its continuation indented
/// under its own indent plus four.
fn passend(tekst: &str, breedte: usize) -> String {
    let mut out = String::new();
    for line in tekst.lines() {
        let indent = line.len() - line.trim_start().len();
        let verder = " ".repeat(indent + 4);
        let opts = breedte::regels(breedte).subsequent_indent(&verder);
        out.push_str(&textwrap::fill(line, opts));
        out.push('\n');
    }
    out
}

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{}", wording::io_fout(.0))]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Message(String),
}

impl From<String> for CliError {
    fn from(s: String) -> CliError {
        CliError::Message(s)
    }
}

impl From<crate::storage::save::SaveError> for CliError {
    fn from(e: crate::storage::save::SaveError) -> CliError {
        use crate::storage::save::SaveError;
        match e {
            SaveError::Io { path, source } => {
                CliError::Message(wording::niet_op_te_slaan(&path, &source))
            }
            other => CliError::Message(wording::opslaan_fout(&other)),
        }
    }
}

impl From<serde_json::Error> for CliError {
    fn from(e: serde_json::Error) -> CliError {
        CliError::Message(e.to_string())
    }
}

/// What a command returns.
pub type CliResult = Result<ExitCode, CliError>;

/// Prints the errors of the files to stderr, one `bestand:regel:kolom: melding` a line, with
/// control characters made visible.
fn fouten_naar_stderr(fouten: &[crate::storage::Diagnostic]) {
    for d in fouten {
        eprintln!("{}", wording::zichtbaar(&wording::diagnostic(d)));
    }
}

/// Opens the terminal UI on the werkmap the user named or the default one; on a first start
/// with no werkmap anywhere, on a demo in the user's data folder.
fn tui(
    genoemd: Genoemd<'_>,
    vandaag: NaiveDate,
    standup: Option<crate::tui::StandupStart>,
) -> CliResult {
    let (config, config_error) = crate::storage::config::load();
    let config_error = config_error.as_ref().map(wording::diagnostic);
    let inst = locations::Instellingen {
        config: &config,
        fout: config_error.as_deref(),
        pad: crate::storage::config::path(),
    };
    let gevonden = locations::zoek(genoemd, &inst, Some(vandaag))?;
    crate::tui::run(
        &gevonden.pad,
        vandaag,
        config,
        config_error,
        gevonden.aangemaakt,
        standup,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Today by the local clock.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// `planbord standup`: the TUI straight into stand-up mode.
fn standup(a: &args::StandupArgs, vandaag: NaiveDate) -> CliResult {
    let roteer = a
        .roteer
        .as_deref()
        .map(crate::app::standup::parse_duur)
        .transpose()?;
    let start = crate::tui::StandupStart {
        doel: a.doel.clone(),
        minuten: i64::from(a.minuten),
        roteer,
    };
    let genoemd = Genoemd {
        argument: None,
        optie: a.werkmap.as_deref(),
    };
    tui(genoemd, vandaag, Some(start))
}

fn rapport(
    map: &Path,
    a: &args::RapportArgs,
    vandaag: NaiveDate,
    out: &mut impl Write,
) -> CliResult {
    let loaded = crate::storage::load(map);
    fouten_naar_stderr(&loaded.fouten);
    let r = crate::rapport::Rapport::new(
        &loaded.werkmap,
        vandaag,
        loaded.capaciteit_uit.map(wording::capaciteit_uit),
    );
    let rapport = match a.format {
        args::RapportFormaat::Md => crate::rapport::markdown(&r),
        args::RapportFormaat::Html => crate::rapport::html(&r),
    };
    schrijf(
        &rapport,
        a.uitvoer.as_deref(),
        wording::rapport_geschreven,
        out,
    )
}

/// A report or agenda to a file (atomically; a line says where) or to stdout. It is read on a
/// screen or printed: control characters from a file have no place in it, also when it goes
/// to a file (which someone may `cat`).
fn schrijf(
    tekst: &str,
    uitvoer: Option<&Path>,
    geschreven: fn(&Path) -> String,
    out: &mut impl Write,
) -> CliResult {
    let tekst = wording::zichtbaar(tekst);
    let out = &mut sanitize::Zichtbaar::new(out);
    match uitvoer {
        // `-o -`: the screen, as with most commands.
        Some(path) if path.as_os_str() == "-" => write!(out, "{tekst}")?,
        Some(path) => {
            crate::storage::save::write_output(path, tekst.as_bytes())?;
            writeln!(out, "{}", geschreven(path))?;
        }
        None => write!(out, "{tekst}")?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `planbord agenda`: the weekly agenda of the PMO-overleg and the OO.
fn agenda(map: &Path, a: &args::AgendaArgs, vandaag: NaiveDate, out: &mut impl Write) -> CliResult {
    let loaded = crate::storage::load(map);
    fouten_naar_stderr(&loaded.fouten);
    let week = a.week.unwrap_or_else(|| crate::domain::Week::of(vandaag));
    let agenda = crate::capacity::agenda::Agenda::new(&loaded.werkmap, week, vandaag);
    let uit = loaded.capaciteit_uit.map(wording::capaciteit_uit);
    let doc = wording::agenda_document(&agenda, uit.as_deref());
    let tekst = match a.format {
        args::RapportFormaat::Md => crate::rapport::markdown_document(&doc),
        args::RapportFormaat::Html => crate::rapport::html_document(&doc),
    };
    schrijf(
        &tekst,
        a.uitvoer.as_deref(),
        wording::agenda_geschreven,
        out,
    )
}
