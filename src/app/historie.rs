//! The history of a board in the app: "wat is er veranderd" (`w` on a board, and the opening
//! list of a stand-up) and a card's history in the card view. The shell reads the files
//! ([`Effect::LeesHistorie`]) and answers with [`Action::Historie`](super::Action::Historie);
//! the app only chooses since when and what to list.

use chrono::{Duration, NaiveDate, NaiveDateTime, Timelike};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::action::Effect;
use super::step::Step;
use super::{App, Mode};
use crate::domain::historie::{self, Gebeurtenis};
use crate::storage::historie::Gelezen;
use crate::wording;

/// The history of one board as last read (or being read).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Historie {
    /// The board's file name in the werkmap.
    pub bestand: String,
    /// `None` while the shell reads it.
    pub gelezen: Option<Gelezen>,
}

/// Since when "wat is er veranderd" lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sinds {
    /// The last stand-up of the board (the last 7 days when none was recorded).
    Standup,
    /// The start of this day.
    Datum(NaiveDate),
}

/// The "wat is er veranderd" window: since when, and how far it is scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Veranderd {
    pub sinds: Sinds,
    pub scroll: usize,
}

/// What a list of changes shows: since when (worded) and the entries, newest first.
pub struct Lijst<'a> {
    pub kop: String,
    pub entries: Vec<&'a Gebeurtenis>,
}

/// How far back "since the last stand-up" looks when no stand-up was recorded.
const ZONDER_STANDUP: i64 = 7;

/// The changes in `entries` since `sinds`, for a list made at `nu`. `voor_standup` is the
/// start of the stand-up the list opens (its own start is not "the last stand-up").
pub fn lijst<'a>(
    entries: &'a [Gebeurtenis],
    sinds: Sinds,
    nu: NaiveDateTime,
    voor_standup: Option<NaiveDateTime>,
) -> Lijst<'a> {
    let (van, kop) = match sinds {
        Sinds::Datum(d) => {
            let van = d.and_time(chrono::NaiveTime::MIN);
            (van, wording::veranderd_sinds(van, false))
        }
        Sinds::Standup => {
            let laatste = match voor_standup {
                // History keeps whole seconds: the stand-up's own start, as recorded, is
                // not before it.
                Some(start) => {
                    let start = start.with_nanosecond(0).unwrap_or(start);
                    historie::laatste_standup(entries, start, false)
                }
                None => historie::laatste_standup(entries, nu, true),
            };
            match laatste {
                Some(t) => (t, wording::veranderd_sinds(t, true)),
                None => {
                    let van = (nu.date() - Duration::days(ZONDER_STANDUP))
                        .and_time(chrono::NaiveTime::MIN);
                    (van, wording::veranderd_sinds_week(van))
                }
            }
        }
    };
    Lijst {
        kop,
        entries: historie::sinds(entries, van),
    }
}

impl App {
    /// Asks the shell for the history of board `bord` (by id); what was read before of
    /// another board is dropped.
    pub(super) fn lees_historie(&mut self, bord: &str) -> Vec<Effect> {
        let Some(slot) = self.session.files.borden.get(bord) else {
            self.views.historie = Historie {
                bestand: String::new(),
                gelezen: Some(Gelezen::default()),
            };
            return Vec::new();
        };
        let bestand = slot.meta.name.clone();
        let gelezen = (self.views.historie.bestand == bestand)
            .then(|| self.views.historie.gelezen.take())
            .flatten();
        self.views.historie = Historie {
            bestand: bestand.clone(),
            gelezen,
        };
        vec![Effect::LeesHistorie { bestand }]
    }

    /// The shell read a board's history.
    pub(super) fn on_historie(&mut self, bestand: String, gelezen: Gelezen) -> Vec<Effect> {
        if !gelezen.overgeslagen.is_empty() {
            let melding = wording::historie_overgeslagen(&gelezen.overgeslagen);
            self.session.say(melding);
        }
        if self.views.historie.bestand == bestand {
            self.views.historie.gelezen = Some(gelezen);
        }
        // A stand-up opens with what changed only when something did.
        if self.standup_lijst().is_some_and(|l| l.entries.is_empty())
            && let Some(st) = self.views.standup.as_mut()
        {
            st.intro_tot = None;
        }
        Vec::new()
    }

    /// The entries of the history as read, if it has been.
    pub fn historie_entries(&self) -> Option<&[Gebeurtenis]> {
        self.views
            .historie
            .gelezen
            .as_ref()
            .map(|g| g.entries.as_slice())
    }

    /// `w` on a board: the window opens at "since the last stand-up" and the history is read.
    pub(super) fn open_veranderd(&mut self) -> Vec<Effect> {
        let bord = self.views.bord.bord.clone();
        if self.board().is_none() {
            return Vec::new();
        }
        self.mode = Mode::Veranderd(Veranderd {
            sinds: Sinds::Standup,
            scroll: 0,
        });
        self.lees_historie(&bord)
    }

    /// The list the "wat is er veranderd" window shows now.
    pub fn veranderd_lijst(&self, v: &Veranderd) -> Option<Lijst<'_>> {
        self.historie_entries()
            .map(|e| lijst(e, v.sinds, self.session.now, None))
    }

    /// The list a stand-up opens with, while it shows.
    pub fn standup_lijst(&self) -> Option<Lijst<'_>> {
        let st = self.views.standup.as_ref()?;
        st.intro_tot?;
        self.historie_entries()
            .map(|e| lijst(e, Sinds::Standup, self.session.now, Some(st.started)))
    }

    /// A key in the "wat is er veranderd" window.
    pub(super) fn on_veranderd_key(&mut self, mut v: Veranderd, key: KeyEvent) -> Step {
        let vandaag = self.session.now.date();
        let begin = match v.sinds {
            Sinds::Datum(d) => d,
            Sinds::Standup => self
                .historie_entries()
                .and_then(|e| historie::laatste_standup(e, self.session.now, true))
                .map_or(vandaag - Duration::days(ZONDER_STANDUP), |t| t.date()),
        };
        let lengte = self.veranderd_lijst(&v).map_or(0, |l| l.entries.len());
        let pagina = usize::from(self.session.size.1.saturating_sub(8)).max(1);
        match key.code {
            KeyCode::Char('[') => {
                v.sinds = Sinds::Datum(begin - Duration::days(1));
                v.scroll = 0;
            }
            KeyCode::Char(']') => {
                v.sinds = Sinds::Datum((begin + Duration::days(1)).min(vandaag));
                v.scroll = 0;
            }
            KeyCode::Char('0') => {
                v.sinds = Sinds::Standup;
                v.scroll = 0;
            }
            KeyCode::Down | KeyCode::Char('j') => v.scroll = (v.scroll + 1).min(lengte),
            KeyCode::Up | KeyCode::Char('k') => v.scroll = v.scroll.saturating_sub(1),
            KeyCode::PageDown | KeyCode::Char(' ') => v.scroll = (v.scroll + pagina).min(lengte),
            KeyCode::PageUp => v.scroll = v.scroll.saturating_sub(pagina),
            _ => return Step::Stay,
        }
        Mode::Veranderd(v).into()
    }
}
