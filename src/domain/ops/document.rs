//! The two kinds of file operations apply to: a board and the organisation.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{Context, Fields, Items, List, Notice};
use crate::domain::bord::Bord;
use crate::domain::organisatie::Organisatie;

/// A file's content that operations apply to: a board or the organisation.
pub trait Document: Clone + PartialEq + Serialize + DeserializeOwned + Send + 'static {
    /// The lists of items, in the order their operations are listed by [`diff`].
    const LISTS: &'static [List];
    /// Set fields among the root fields.
    const ROOT_SETS: &'static [&'static str];
    /// The file's own fields (without the lists, `versie`, `id` and `sporen`).
    fn root(&self) -> Fields;
    fn set_root(&mut self, f: Fields) -> Result<(), serde_json::Error>;
    fn items(&self, l: List) -> Option<&dyn Items>;
    fn items_mut(&mut self, l: List) -> Option<&mut dyn Items>;
    /// The save tokens (DESIGN.md section 7).
    fn sporen(&self) -> &str;
    fn set_sporen(&mut self, s: String);
    /// Makes a combined document valid again; returns what it had to decide.
    fn repair(&mut self, _cx: &Context<'_>) -> Vec<Notice> {
        Vec::new()
    }
}

fn take<T: DeserializeOwned>(f: &mut Fields, k: &str) -> Result<T, serde_json::Error> {
    serde_json::from_value(f.remove(k).unwrap_or(Value::Null))
}

fn take_or_default<T: DeserializeOwned + Default>(
    f: &mut Fields,
    k: &str,
) -> Result<T, serde_json::Error> {
    match f.remove(k) {
        None | Some(Value::Null) => Ok(T::default()),
        Some(v) => serde_json::from_value(v),
    }
}

impl Document for Bord {
    const LISTS: &'static [List] = &[List::Kolommen, List::Inzet, List::Kaarten];
    const ROOT_SETS: &'static [&'static str] = &[];

    fn root(&self) -> Fields {
        let mut f = Fields::new();
        f.insert("titel".into(), Value::String(self.titel.clone()));
        f.insert(
            "soort".into(),
            serde_json::to_value(&self.soort).unwrap_or(Value::Null),
        );
        f
    }
    fn set_root(&mut self, mut f: Fields) -> Result<(), serde_json::Error> {
        self.titel = take(&mut f, "titel")?;
        self.soort = take(&mut f, "soort")?;
        Ok(())
    }
    fn items(&self, l: List) -> Option<&dyn Items> {
        match l {
            List::Kolommen => Some(&self.kolommen),
            List::Inzet => Some(&self.inzet),
            List::Kaarten => Some(&self.kaarten),
            _ => None,
        }
    }
    fn items_mut(&mut self, l: List) -> Option<&mut dyn Items> {
        match l {
            List::Kolommen => Some(&mut self.kolommen),
            List::Inzet => Some(&mut self.inzet),
            List::Kaarten => Some(&mut self.kaarten),
            _ => None,
        }
    }
    fn sporen(&self) -> &str {
        &self.sporen
    }
    fn set_sporen(&mut self, s: String) {
        self.sporen = s;
    }
    fn repair(&mut self, cx: &Context<'_>) -> Vec<Notice> {
        crate::domain::merge::make_valid(self, cx)
    }
}

impl Document for Organisatie {
    const LISTS: &'static [List] = &[List::Clusters, List::Eenheden, List::Mensen, List::Opgaven];
    const ROOT_SETS: &'static [&'static str] = &["feestdagen"];

    fn root(&self) -> Fields {
        let mut f = Fields::new();
        f.insert("naam".into(), Value::String(self.naam.clone()));
        f.insert("uren_per_fte".into(), Value::from(self.uren_per_fte));
        f.insert(
            "max_fte_per_coco".into(),
            Value::from(self.max_fte_per_coco),
        );
        f.insert(
            "feestdagen".into(),
            serde_json::to_value(&self.feestdagen).unwrap_or(Value::Null),
        );
        f
    }
    fn set_root(&mut self, mut f: Fields) -> Result<(), serde_json::Error> {
        self.naam = take(&mut f, "naam")?;
        self.uren_per_fte = take(&mut f, "uren_per_fte")?;
        self.max_fte_per_coco = take(&mut f, "max_fte_per_coco")?;
        self.feestdagen = take_or_default(&mut f, "feestdagen")?;
        self.feestdagen.sort();
        Ok(())
    }
    fn items(&self, l: List) -> Option<&dyn Items> {
        match l {
            List::Clusters => Some(&self.clusters),
            List::Eenheden => Some(&self.eenheden),
            List::Mensen => Some(&self.mensen),
            List::Opgaven => Some(&self.opgaven),
            _ => None,
        }
    }
    fn items_mut(&mut self, l: List) -> Option<&mut dyn Items> {
        match l {
            List::Clusters => Some(&mut self.clusters),
            List::Eenheden => Some(&mut self.eenheden),
            List::Mensen => Some(&mut self.mensen),
            List::Opgaven => Some(&mut self.opgaven),
            _ => None,
        }
    }
    fn sporen(&self) -> &str {
        &self.sporen
    }
    fn set_sporen(&mut self, s: String) {
        self.sporen = s;
    }
}
