//! Retention rules (*bevarande och gallring*) per document kind and board:
//! read, set one, replace all, remove one; every rule checked before it is
//! kept.

use ogonblick_model::{
    ErrorCode, Message, RetentionKind, RetentionPeriod, RetentionRule, RetentionRules, RoleAction,
};
use ogonblick_store::RegisterExt;

use crate::disposal::{clean, said};
use crate::{App, AppError, Result};

/// Parses a retention period: `12m`, `18 mån`, `1y`, `2 år` (at least a month).
pub fn parse_period(s: &str) -> Result<u32> {
    let t = s.trim().to_lowercase();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (n, unit) = t.split_at(split);
    let n: u32 = n.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
        said(Message::RetentionBadPeriod {
            given: s.to_string(),
        })
    })?;
    let months = match unit.trim() {
        "m" | "mån" | "månad" | "månader" | "month" | "months" => Some(n),
        "y" | "å" | "år" | "year" | "years" => n.checked_mul(12),
        _ => None,
    };
    months.filter(|m| *m <= 1200).ok_or_else(|| {
        said(Message::RetentionBadPeriod {
            given: s.to_string(),
        })
    })
}

impl App {
    /// The retention rules (the defaults when never set).
    pub fn retention_rules(&self) -> Result<RetentionRules> {
        Ok(self.store().setting()?)
    }

    /// Adds or replaces the rule for `kind` (and `board`). A rule that
    /// disposes needs a decision reference.
    pub fn set_retention_rule(
        &self,
        kind: &str,
        board: Option<&str>,
        period: RetentionPeriod,
        decision: Option<&str>,
        deliver_first: bool,
    ) -> Result<RetentionRules> {
        self.require(RoleAction::Retention, None)?;
        let rule = self.check_rule(
            RetentionRule {
                kind: parse_kind(kind)?,
                board: board.map(str::to_string),
                period,
                decision: decision.map(str::to_string),
                deliver_first,
            },
            true,
        )?;
        let mut rules = self.retention_rules()?;
        match rules
            .rules
            .iter_mut()
            .find(|r| r.same_target(&rule.kind, rule.board.as_deref()))
        {
            Some(r) => *r = rule,
            None => rules.rules.push(rule),
        }
        self.store().set_setting(&rules, self.operator())?;
        Ok(rules)
    }

    /// Replaces every retention rule (the settings page's whole list): each
    /// is checked as [`App::set_retention_rule`] checks it, but a disposing
    /// rule may still lack its decision (as the defaults do: nothing is
    /// disposed of under it until an archivist records one); a later rule for
    /// the same kind and board replaces an earlier one.
    pub fn set_retention_rules(&self, rules: &RetentionRules) -> Result<RetentionRules> {
        self.require(RoleAction::Retention, None)?;
        let mut out: Vec<RetentionRule> = Vec::new();
        for r in &rules.rules {
            let r = self.check_rule(r.clone(), false)?;
            out.retain(|o| !o.same_target(&r.kind, r.board.as_deref()));
            out.push(r);
        }
        let rules = RetentionRules { rules: out };
        self.store().set_setting(&rules, self.operator())?;
        Ok(rules)
    }

    /// A rule as it is stored: its board and decision trimmed; a ground the
    /// organisation lists; a period of at least a month and a decision when
    /// it disposes.
    fn check_rule(&self, mut rule: RetentionRule, need_decision: bool) -> Result<RetentionRule> {
        if let RetentionKind::RemovalGround(g) = &rule.kind {
            let grounds = self.store().removal_grounds()?;
            if !grounds.iter().any(|x| &x.code == g) {
                return Err(said(Message::RemovalUnknownGround {
                    given: g.clone(),
                    known: grounds
                        .iter()
                        .map(|x| x.code.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                }));
            }
        }
        rule.decision = clean(rule.decision.as_deref());
        rule.board = clean(rule.board.as_deref());
        if let RetentionPeriod::DisposeAfter { months } = rule.period {
            if months == 0 || months > 1200 {
                return Err(said(Message::RetentionBadPeriod {
                    given: format!("{months}m"),
                }));
            }
            if need_decision && rule.decision.is_none() {
                return Err(said(Message::RetentionNeedsDecision {}));
            }
        }
        Ok(rule)
    }

    /// Removes the rule for `kind` (and `board`).
    pub fn remove_retention_rule(&self, kind: &str, board: Option<&str>) -> Result<RetentionRules> {
        self.require(RoleAction::Retention, None)?;
        let kind = parse_kind(kind)?;
        let board = clean(board);
        let mut rules = self.retention_rules()?;
        let before = rules.rules.len();
        rules
            .rules
            .retain(|r| !r.same_target(&kind, board.as_deref()));
        if rules.rules.len() == before {
            return Err(AppError::said(
                ErrorCode::NotFound,
                Message::RetentionNoSuchRule {
                    kind: kind.to_string(),
                    board: board.unwrap_or_else(|| "*".into()),
                },
            ));
        }
        self.store().set_setting(&rules, self.operator())?;
        Ok(rules)
    }
}

fn parse_kind(s: &str) -> Result<RetentionKind> {
    s.parse().map_err(|_| {
        said(Message::RetentionBadKind {
            given: s.to_string(),
        })
    })
}
