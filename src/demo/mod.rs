//! Placeholder while the generator is written.
use chrono::NaiveDate;
pub fn generate(_vandaag: NaiveDate, _schaal: u32) -> crate::domain::Werkmap {
    crate::domain::Werkmap::default()
}
