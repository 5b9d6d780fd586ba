//! Lists of items addressed by id, whatever their type, and items as JSON objects.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::Fields;
use crate::domain::{bord, organisatie};

/// A list of items addressed by id, whatever their type.
pub trait Items {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The key of the item at `i`: its id, or for an item without id its whole content.
    fn key_at(&self, i: usize) -> String;
    fn fields_at(&self, i: usize) -> Fields;
    fn replace_at(&mut self, i: usize, f: Fields) -> Result<(), serde_json::Error>;
    fn insert_at(&mut self, i: usize, f: Fields) -> Result<(), serde_json::Error>;
    fn remove_at(&mut self, i: usize);
    fn move_item(&mut self, from: usize, to: usize);

    /// Where the item with this key is.
    fn position(&self, key: &str) -> Option<usize> {
        (0..self.len()).find(|&i| self.key_at(i) == key)
    }
}

/// An item type with an id.
pub trait Keyed: Serialize + DeserializeOwned {
    fn id(&self) -> &str;
}

macro_rules! keyed {
    ($($t:ty),*) => {$(
        impl Keyed for $t {
            fn id(&self) -> &str {
                &self.id
            }
        }
    )*};
}
keyed!(
    bord::Kolom,
    bord::Inzet,
    bord::Kaart,
    organisatie::Cluster,
    organisatie::Eenheid,
    organisatie::Persoon,
    organisatie::Opgave
);

/// An item's fields as a JSON object.
pub fn fields_of<T: Serialize>(item: &T) -> Fields {
    match serde_json::to_value(item) {
        Ok(Value::Object(m)) => m,
        // Every item type is a struct, which serde writes as an object.
        _ => Fields::new(),
    }
}

/// An item from its fields; absent (`Null`) fields take their defaults.
pub fn from_fields<T: DeserializeOwned>(f: Fields) -> Result<T, serde_json::Error> {
    let clean: Fields = f.into_iter().filter(|(_, v)| !v.is_null()).collect();
    serde_json::from_value(Value::Object(clean))
}

/// The key of an item given by its fields: its id, or for an item without id its whole content.
pub(super) fn key_of(f: &Fields) -> String {
    match f.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => id.to_string(),
        _ => format!("~{}", Value::Object(f.clone())),
    }
}

impl<T: Keyed> Items for Vec<T> {
    fn len(&self) -> usize {
        <[T]>::len(self)
    }
    fn key_at(&self, i: usize) -> String {
        let id = self[i].id();
        if id.is_empty() {
            key_of(&fields_of(&self[i]))
        } else {
            id.to_string()
        }
    }
    fn fields_at(&self, i: usize) -> Fields {
        fields_of(&self[i])
    }
    fn replace_at(&mut self, i: usize, f: Fields) -> Result<(), serde_json::Error> {
        self[i] = from_fields(f)?;
        Ok(())
    }
    fn insert_at(&mut self, i: usize, f: Fields) -> Result<(), serde_json::Error> {
        let item = from_fields(f)?;
        self.insert(i.min(<[T]>::len(self)), item);
        Ok(())
    }
    fn remove_at(&mut self, i: usize) {
        self.remove(i);
    }
    fn move_item(&mut self, from: usize, to: usize) {
        let item = self.remove(from);
        self.insert(to.min(<[T]>::len(self)), item);
    }
    fn position(&self, key: &str) -> Option<usize> {
        if key.starts_with('~') {
            (0..<[T]>::len(self)).find(|&i| self.key_at(i) == key)
        } else {
            self.iter().position(|x| x.id() == key)
        }
    }
}
