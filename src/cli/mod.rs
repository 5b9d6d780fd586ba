//! The command line of DESIGN.md section 4: thin shells over capacity and storage.
//! The only module (with `main`) that reads the clock and prints.

mod args;
mod capaciteit;
mod controleer;
pub mod locations;
mod overzicht;

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;

pub use args::{Cli, Opdracht};

/// Runs the command line with these arguments (the first is the program name).
pub fn run(argv: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    let cli = match args::parse(argv) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let vandaag = cli.vandaag.unwrap_or_else(today);
    let mut out = std::io::stdout().lock();
    let result = match cli.opdracht {
        None => overzicht::run(cli.pad.as_deref(), vandaag, &mut out),
        Some(Opdracht::Controleer(a)) => controleer::run(&a, vandaag, &mut out),
        Some(Opdracht::Capaciteit(a)) => capaciteit::run(&a, vandaag, &mut out),
        Some(Opdracht::Demo(a)) => demo(&a, vandaag, &mut out),
    };
    let _ = out.flush();
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("planbord: {e}");
            ExitCode::from(2)
        }
    }
}

/// Today by the local clock.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn demo(a: &args::DemoArgs, vandaag: NaiveDate, out: &mut impl Write) -> Result<ExitCode, String> {
    let werkmap = crate::demo::generate(vandaag, a.schaal);
    crate::storage::save::write_werkmap(&a.map, &werkmap).map_err(|e| e.to_string())?;
    writeln!(out, "{}", crate::text::demo_geschreven(&a.map, &werkmap))
        .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}
