//! Load, validation and conflict analysis of generated werkmappen (`cargo bench`).
//!
//! `schaal` 1 is the demo (220 people, 17 boards, ~2,000 cards); 10 is ~2,200 people,
//! 170 boards and ~20,000 cards. Reading + parsing is `load` minus `validate`.

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::NaiveDate;
use divan::Bencher;
use planbord::{capacity, demo, domain, storage};

fn main() {
    divan::main();
}

const VANDAAG: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();

/// The generated werkmappen on disk, made once per run.
fn werkmap(schaal: u32) -> PathBuf {
    static DIRS: OnceLock<tempfile::TempDir> = OnceLock::new();
    let root = DIRS.get_or_init(|| tempfile::tempdir().expect("temp dir"));
    let dir = root.path().join(format!("schaal-{schaal}"));
    if !dir.exists() {
        storage::save::write_werkmap(&dir, &demo::generate(VANDAAG, schaal)).expect("write demo");
    }
    dir
}

/// Reading, parsing and validating every file.
#[divan::bench(args = [1, 10], sample_count = 20)]
fn load(b: Bencher, schaal: u32) {
    let dir = werkmap(schaal);
    b.bench(|| storage::load(&dir));
}

/// Validation alone (the checks after parsing), on a loaded werkmap.
#[divan::bench(args = [1, 10], sample_count = 20)]
fn validate(b: Bencher, schaal: u32) {
    let w = storage::load(&werkmap(schaal)).werkmap;
    let org = w.organisatie.as_ref();
    b.bench(|| {
        let mut n = org.map_or(0, |o| domain::validate::organisatie(o).len());
        let refs = org.map(domain::validate::Refs::of);
        for bord in &w.borden {
            n += domain::validate::bord(bord, refs.as_ref()).len();
        }
        n
    });
}

/// Every conflict rule over the default horizon.
#[divan::bench(args = [1, 10], sample_count = 20)]
fn analyse(b: Bencher, schaal: u32) {
    let w = storage::load(&werkmap(schaal)).werkmap;
    let horizon = capacity::default_horizon(VANDAAG);
    b.bench(|| capacity::conflicts(&w, &horizon, VANDAAG));
}

/// What `planbord controleer` does: load, validate and analyse.
#[divan::bench(args = [1, 10], sample_count = 20)]
fn complete(b: Bencher, schaal: u32) {
    let dir = werkmap(schaal);
    let horizon = capacity::default_horizon(VANDAAG);
    b.bench(|| {
        let loaded = storage::load(&dir);
        capacity::conflicts(&loaded.werkmap, &horizon, VANDAAG)
    });
}

/// The request form's preview (what a request does to the person asked), computed when the
/// person, hours or weeks change: one copy of the boards and two engines.
#[divan::bench(args = [1, 10], sample_count = 20)]
fn request_preview(b: Bencher, schaal: u32) {
    use planbord::app::inzet::form::{InzetForm, voorbeeld};
    let w = storage::load(&werkmap(schaal)).werkmap;
    let bord = w
        .borden
        .iter()
        .find(|b| b.opgave().is_some())
        .expect("an opgave board");
    let candidates = planbord::app::bord::form::candidates(w.organisatie.as_ref(), bord);
    let nu = domain::Week::of(VANDAAG);
    let inzet = domain::Inzet {
        id: "nieuw".into(),
        persoon: candidates[0].id.clone(),
        uren_per_week: 8.0,
        van: nu.plus(1),
        tot: nu.plus(12),
        status: domain::InzetStatus::Gevraagd,
        soort: domain::InzetSoort::Opgave,
        verzoek: None,
        besluit: None,
    };
    let mut f = InzetForm::new(bord.id.clone(), inzet, true, candidates);
    f.uren = planbord::app::input::TextInput::new("8");
    assert!(voorbeeld(&w, &f, nu).is_some());
    b.bench(|| voorbeeld(&w, &f, nu));
}
