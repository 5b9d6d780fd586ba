//! The weekly agenda of the PMO-overleg and the OO (`W`): the same [`Document`] as
//! `planbord agenda`, as lines that wrap to the screen, scrolled with ↑↓ and the page keys;
//! ←→ go to the agenda of the week before or after, `t` back to this week.

use super::action::Command;
use super::session::Session;
use super::step::Step;
use crate::capacity::agenda::Agenda;
use crate::domain::Week;
use crate::wording::{self, Blok, Document};

/// How a line of the agenda looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stijl {
    Titel,
    Kop,
    Tekst,
    Dim,
    Waarschuwing,
}

/// One line on screen: its text, its style, and how many bytes at its start are bold (the
/// lead of a point).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regel {
    pub tekst: String,
    pub stijl: Stijl,
    pub vet: usize,
}

/// The agenda view's state: the week shown, its document and how far it is scrolled.
#[derive(Debug, Clone, Default)]
pub struct AgendaView {
    pub week: Option<Week>,
    pub doc: Document,
    pub scroll: usize,
}

/// The lines above the document on screen (title and keys).
pub const KOP_REGELS: u16 = 2;

/// How many of `regels` lines show in a body `hoogte` lines high: all of them when they fit,
/// else one line less, for the line that says where the screen is.
pub fn zichtbaar(regels: usize, hoogte: u16) -> usize {
    let h = usize::from(hoogte);
    if regels <= h {
        h
    } else {
        h.saturating_sub(1).max(1)
    }
}

/// The furthest `regels` lines scroll in a body `hoogte` lines high.
pub fn max_scroll(regels: usize, hoogte: u16) -> usize {
    regels.saturating_sub(zichtbaar(regels, hoogte))
}

impl AgendaView {
    /// Opens the agenda of the current week, at the top.
    pub fn open(&mut self, s: &Session) {
        self.week = Some(s.week());
        self.scroll = 0;
        self.compute(s);
    }

    /// Builds the document again from the werkmap (after an edit or a reload).
    pub fn compute(&mut self, s: &Session) {
        let week = *self.week.get_or_insert_with(|| s.week());
        let agenda = Agenda::new(&s.werkmap, week, s.vandaag);
        self.doc = wording::agenda_document(&agenda, s.capaciteit_uit.as_deref());
    }

    /// Whether the view has been opened (and so is kept current).
    pub fn is_open(&self) -> bool {
        self.week.is_some()
    }

    /// The furthest the document scrolls in a screen of `size`: its last line at the bottom.
    fn max_scroll(&self, size: (u16, u16)) -> usize {
        let (w, h) = size;
        max_scroll(regels(&self.doc, w).len(), h.saturating_sub(1 + KOP_REGELS))
    }

    /// Scrolls, goes to another week, or back.
    pub fn on_command(&mut self, s: &Session, c: Command) -> Step {
        let page = usize::from(s.size.1.saturating_sub(1 + KOP_REGELS + 1)).max(1);
        let max = self.max_scroll(s.size);
        match c {
            Command::Up => self.scroll = self.scroll.min(max).saturating_sub(1),
            Command::Down => self.scroll = (self.scroll + 1).min(max),
            Command::PageUp => self.scroll = self.scroll.min(max).saturating_sub(page),
            Command::PageDown => self.scroll = (self.scroll + page).min(max),
            Command::Left | Command::Right | Command::Vandaag => {
                let week = self.week.unwrap_or_else(|| s.week());
                self.week = Some(match c {
                    Command::Left => week.plus(-1),
                    Command::Right => week.plus(1),
                    _ => s.week(),
                });
                self.scroll = 0;
                self.compute(s);
            }
            Command::Back => return Step::Back,
            _ => {}
        }
        Step::Stay
    }
}

/// `tekst` wrapped to `breedte` columns, the first line after `eerste`, the others after
/// `verder` (both indents of spaces or a bullet).
fn gevouwen(out: &mut Vec<Regel>, tekst: &str, eerste: &str, verder: &str, breedte: u16, s: Stijl) {
    let opts = textwrap::Options::new(usize::from(breedte.max(20)))
        .initial_indent(eerste)
        .subsequent_indent(verder)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    // Control characters made visible first: textwrap counts an escape sequence as no
    // width, and ratatui then drops it, so a planted one would shorten the line and cut words.
    let tekst = crate::wording::zichtbaar(tekst);
    for l in textwrap::wrap(&tekst, opts) {
        out.push(Regel {
            tekst: l.into_owned(),
            stijl: s,
            vet: 0,
        });
    }
}

/// The document as lines of at most `breedte` columns: nothing is cut, long text wraps under
/// its own indent. A table row becomes one point: its first cell, then `heading: cell` for the
/// others that have a value.
pub fn regels(doc: &Document, breedte: u16) -> Vec<Regel> {
    let mut out = Vec::new();
    for l in &doc.inleiding {
        gevouwen(&mut out, l, " ", " ", breedte, Stijl::Dim);
    }
    if let Some(w) = &doc.waarschuwing {
        gevouwen(&mut out, w, " ", " ", breedte, Stijl::Waarschuwing);
    }
    for sec in &doc.secties {
        out.push(Regel {
            tekst: String::new(),
            stijl: Stijl::Tekst,
            vet: 0,
        });
        gevouwen(&mut out, &sec.kop, " ", "    ", breedte, Stijl::Kop);
        for b in &sec.blokken {
            match b {
                Blok::Zin(z) => gevouwen(&mut out, z, "   ", "   ", breedte, Stijl::Tekst),
                Blok::Punten(punten) => {
                    for p in punten {
                        let start = out.len();
                        let tekst = format!("{} — {}", p.vet, p.tekst);
                        gevouwen(&mut out, &tekst, "   • ", "     ", breedte, Stijl::Tekst);
                        if let Some(r) = out.get_mut(start) {
                            r.vet = ("   • ".len() + p.vet.len()).min(r.tekst.len());
                        }
                        for o in &p.onder {
                            gevouwen(&mut out, o, "       – ", "         ", breedte, Stijl::Tekst);
                        }
                    }
                }
                Blok::Tabel(t) => {
                    for rij in &t.rijen {
                        let mut delen = rij.iter().take(1).cloned().collect::<Vec<_>>();
                        for (kop, cel) in t.koppen.iter().zip(rij).skip(1) {
                            if cel != "–" && !cel.is_empty() {
                                delen.push(format!("{kop}: {cel}"));
                            }
                        }
                        let start = out.len();
                        let eerste = rij.first().map_or(0, String::len);
                        gevouwen(
                            &mut out,
                            &delen.join(" · "),
                            "   • ",
                            "     ",
                            breedte,
                            Stijl::Tekst,
                        );
                        if let Some(r) = out.get_mut(start) {
                            r.vet = ("   • ".len() + eerste).min(r.tekst.len());
                        }
                    }
                }
            }
        }
    }
    // A bold lead that wrapped onto the next line stays bold only where it is whole.
    for r in &mut out {
        while r.vet > 0 && !r.tekst.is_char_boundary(r.vet) {
            r.vet -= 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wording::{Punt, Sectie, Tabel};

    #[test]
    fn a_planted_escape_sequence_neither_shortens_a_line_nor_loses_a_word() {
        let doc = Document {
            titel: "T".into(),
            inleiding: vec![
                "Titel X\u{1b}[31mROOD\u{1b}]0;PWNED\u{7}\u{1b}[2J tekst: vertraagd, deadline \
                 12-11-2026 en nog wat woorden"
                    .into(),
            ],
            waarschuwing: None,
            secties: vec![],
        };
        let r = regels(&doc, 30);
        let alles: String = r
            .iter()
            .map(|r| r.tekst.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(!alles.contains('\u{1b}'), "{alles}");
        for woord in ["vertraagd,", "12-11-2026", "woorden"] {
            assert!(alles.contains(woord), "{woord}: {alles}");
        }
        assert!(r.iter().all(|r| r.tekst.chars().count() <= 30), "{alles}");
    }

    #[test]
    fn a_table_row_reads_as_one_point_and_nothing_is_cut() {
        let doc = Document {
            titel: "T".into(),
            inleiding: vec![],
            waarschuwing: None,
            secties: vec![Sectie {
                kop: "1. Verzoeken".into(),
                blokken: vec![
                    Blok::Tabel(Tabel {
                        koppen: vec!["Persoon".into(), "Uren".into(), "Sinds".into()],
                        getal: vec![false, true, false],
                        rijen: vec![vec!["Fleur Mulder".into(), "8".into(), "–".into()]],
                    }),
                    Blok::Punten(vec![Punt {
                        vet: "Wijken".into(),
                        tekst: "overbelast in week 50 en 52; het zwaarst in week 50: 78,4 u \
                                gepland bij 72,0 u beschikbaar (109%)"
                            .into(),
                        onder: vec!["Haven en strand: 18 u per week".into()],
                    }]),
                ],
            }],
        };
        let r = regels(&doc, 40);
        let tekst: Vec<&str> = r.iter().map(|r| r.tekst.as_str()).collect();
        assert_eq!(tekst[2], "   • Fleur Mulder · Uren: 8");
        assert_eq!(&r[2].tekst[..r[2].vet], "   • Fleur Mulder");
        assert!(
            r.iter().all(|r| r.tekst.chars().count() <= 40),
            "{tekst:#?}"
        );
        let alles: String = tekst.join(" ");
        assert!(
            alles.contains("78,4 u") && alles.contains("(109%)"),
            "{alles}"
        );
    }
}
