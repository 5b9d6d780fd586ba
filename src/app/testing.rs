//! The small fixture werkmap of the app's unit tests (`tests/fixtures/klein`), on Monday
//! 2026-11-23, and helpers to drive a view with it.

use chrono::NaiveDate;

use super::session::Session;
use super::{App, Config};

/// Monday of week 48: the day the fixture's dates are written around.
pub fn vandaag() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn config(gebruiker: Option<&str>) -> Config {
    Config {
        gebruiker: gebruiker.map(str::to_string),
        ..Config::default()
    }
}

fn loaded() -> crate::storage::Loaded {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/klein");
    let loaded = crate::storage::load(&dir);
    assert!(loaded.fouten.is_empty(), "{:?}", loaded.fouten);
    loaded
}

/// A session on the fixture, as `gebruiker` (a person id) or as nobody in particular.
pub fn session_as(gebruiker: Option<&str>) -> Session {
    let now = vandaag().and_hms_opt(9, 0, 0).unwrap();
    Session::new(loaded(), config(gebruiker), vandaag(), now, "tester", 7)
}

/// A session on the fixture as nobody in particular.
pub fn session() -> Session {
    session_as(None)
}

/// An app on the fixture as nobody in particular.
pub fn app() -> App {
    let now = vandaag().and_hms_opt(9, 0, 0).unwrap();
    App::new(loaded(), config(None), vandaag(), now, "tester", 7)
}
