//! A renderer for the subset of Fluent (<https://projectfluent.org>) the
//! catalogue uses: `key = text` messages (continuation lines indented),
//! `# comments`, placeables `{ $param }`, string literals `{ "" }`, and
//! select expressions on a parameter:
//!
//! ```ftl
//! count-channels = { $count ->
//!         [one] 1 kanal
//!        *[other] { $count } kanaler
//!     }
//! ```
//!
//! A variant key matches a parameter's text exactly (`[true]`, `[404]`), or
//! the plural category of a number (`one` for 1, `other` otherwise: the rule
//! of Swedish and English); else the `*` default is taken. The registry's
//! `fluent-bundle` crate was not available offline when the catalogue was
//! written; the files stay valid Fluent, so it can replace this module.

use std::collections::BTreeMap;

/// One parsed pattern element.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Elem {
    Text(String),
    Var(String),
    Select {
        var: String,
        variants: Vec<(String, Vec<Elem>)>,
        default: usize,
    },
}

/// The messages of one `.ftl` file, by key.
#[derive(Debug)]
pub(crate) struct Resource {
    pub(crate) messages: BTreeMap<String, Vec<Elem>>,
}

impl Resource {
    /// Parses `src`; a syntax error names the line (the tests parse both
    /// files, so an error never reaches a user).
    pub(crate) fn parse(src: &str) -> Result<Resource, String> {
        let mut messages = BTreeMap::new();
        let mut current: Option<(String, String, usize)> = None;
        let finish = |cur: Option<(String, String, usize)>,
                      messages: &mut BTreeMap<String, Vec<Elem>>|
         -> Result<(), String> {
            if let Some((key, raw, line)) = cur {
                let mut p = Parser {
                    s: raw.trim().chars().collect(),
                    i: 0,
                };
                let elems = p
                    .pattern(false)
                    .map_err(|e| format!("line {line} ({key}): {e}"))?;
                if messages.insert(key.clone(), elems).is_some() {
                    return Err(format!("line {line}: {key} is defined twice"));
                }
            }
            Ok(())
        };
        for (n, line) in src.lines().enumerate() {
            if line.starts_with(' ') && current.is_some() {
                if let Some((_, raw, _)) = current.as_mut() {
                    raw.push('\n');
                    raw.push_str(line.trim_start());
                }
                continue;
            }
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                finish(current.take(), &mut messages)?;
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                return Err(format!("line {}: expected `key = text`", n + 1));
            };
            let key = key.trim();
            if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(format!("line {}: bad key {key:?}", n + 1));
            }
            finish(current.take(), &mut messages)?;
            current = Some((key.to_string(), value.to_string(), n + 1));
        }
        finish(current.take(), &mut messages)?;
        Ok(Resource { messages })
    }
}

struct Parser {
    s: Vec<char>,
    i: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }
    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(c) if c.is_whitespace()) {
            self.i += 1;
        }
    }
    fn ident(&mut self) -> Result<String, String> {
        let start = self.i;
        while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            self.i += 1;
        }
        if start == self.i {
            return Err(format!("expected a name at {}", self.i));
        }
        Ok(self.s[start..self.i].iter().collect())
    }
    fn expect(&mut self, c: char) -> Result<(), String> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(format!("expected '{c}' at {}", self.i))
        }
    }

    /// Text and placeables, up to the end (or, in a variant, the line's end).
    fn pattern(&mut self, variant: bool) -> Result<Vec<Elem>, String> {
        let mut out = Vec::new();
        let mut text = String::new();
        while let Some(c) = self.peek() {
            if variant && c == '\n' {
                break;
            }
            match c {
                '{' => {
                    self.i += 1;
                    if !text.is_empty() {
                        out.push(Elem::Text(std::mem::take(&mut text)));
                    }
                    out.push(self.placeable()?);
                }
                '}' => return Err(format!("unbalanced '}}' at {}", self.i)),
                c => {
                    text.push(c);
                    self.i += 1;
                }
            }
        }
        if !text.is_empty() {
            out.push(Elem::Text(text));
        }
        if variant {
            // Fluent trims a variant's trailing blanks.
            if let Some(Elem::Text(t)) = out.last_mut() {
                let trimmed = t.trim_end().to_string();
                *t = trimmed;
            }
        }
        Ok(out)
    }

    /// After `{`.
    fn placeable(&mut self) -> Result<Elem, String> {
        self.skip_ws();
        if self.peek() == Some('"') {
            self.i += 1;
            let mut lit = String::new();
            while let Some(c) = self.peek() {
                self.i += 1;
                if c == '"' {
                    self.skip_ws();
                    self.expect('}')?;
                    return Ok(Elem::Text(lit));
                }
                lit.push(c);
            }
            return Err("unterminated string literal".into());
        }
        self.expect('$')?;
        let var = self.ident()?;
        self.skip_ws();
        if self.peek() == Some('}') {
            self.i += 1;
            return Ok(Elem::Var(var));
        }
        self.expect('-')?;
        self.expect('>')?;
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            self.skip_ws();
            match self.peek() {
                Some('}') => {
                    self.i += 1;
                    break;
                }
                Some('*') => {
                    self.i += 1;
                    default = Some(variants.len());
                }
                Some('[') => {}
                _ => return Err(format!("expected a variant at {}", self.i)),
            }
            self.expect('[')?;
            self.skip_ws();
            let key = self.ident()?;
            self.skip_ws();
            self.expect(']')?;
            while self.peek() == Some(' ') {
                self.i += 1;
            }
            variants.push((key, self.pattern(true)?));
        }
        let default = default.ok_or_else(|| format!("select on ${var} has no default"))?;
        Ok(Elem::Select {
            var,
            variants,
            default,
        })
    }
}

/// The parameters a pattern uses.
pub(crate) fn params(elems: &[Elem], out: &mut Vec<String>) {
    for e in elems {
        match e {
            Elem::Text(_) => {}
            Elem::Var(v) => out.push(v.clone()),
            Elem::Select { var, variants, .. } => {
                out.push(var.clone());
                for (_, p) in variants {
                    params(p, out);
                }
            }
        }
    }
}

/// Renders `elems` with `arg` giving each parameter's text (`None`: missing,
/// shown as `{$name}` so a gap is visible, and caught by the tests).
pub(crate) fn render(elems: &[Elem], arg: &dyn Fn(&str) -> Option<String>, out: &mut String) {
    for e in elems {
        match e {
            Elem::Text(t) => out.push_str(t),
            Elem::Var(v) => match arg(v) {
                Some(s) => out.push_str(&s),
                None => {
                    out.push_str("{$");
                    out.push_str(v);
                    out.push('}');
                }
            },
            Elem::Select {
                var,
                variants,
                default,
            } => {
                let value = arg(var).unwrap_or_default();
                let category = match value.parse::<i64>() {
                    Ok(1) => Some("one"),
                    Ok(_) => Some("other"),
                    Err(_) => None,
                };
                let chosen = variants
                    .iter()
                    .position(|(k, _)| *k == value)
                    .or_else(|| {
                        variants
                            .iter()
                            .position(|(k, _)| Some(k.as_str()) == category)
                    })
                    .unwrap_or(*default);
                render(&variants[chosen].1, arg, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(src: &str, args: &[(&str, &str)]) -> String {
        let res = Resource::parse(src).unwrap();
        let mut out = String::new();
        let f = |k: &str| args.iter().find(|a| a.0 == k).map(|a| a.1.to_string());
        render(&res.messages["m"], &f, &mut out);
        out
    }

    #[test]
    fn placeables_selects_and_literals() {
        assert_eq!(r("m = Hej { $name }!", &[("name", "Åsa")]), "Hej Åsa!");
        let sel = "m = { $n ->\n        [one] 1 kanal\n       *[other] { $n } kanaler\n    } klara{ \"\" }.";
        assert_eq!(r(sel, &[("n", "1")]), "1 kanal klara.");
        assert_eq!(r(sel, &[("n", "3")]), "3 kanaler klara.");
        let b = "m = A{ $more ->\n    [true] , B\n   *[false] { \"\" }\n    }.";
        assert_eq!(r(b, &[("more", "true")]), "A, B.");
        assert_eq!(r(b, &[("more", "false")]), "A.");
        assert_eq!(r("m = x { $gone }", &[]), "x {$gone}");
        assert!(Resource::parse("m = { $n ->\n [one] x\n}").is_err());
        assert!(Resource::parse("m = a\nm = b").is_err());
        assert!(Resource::parse("m = a }").is_err());
    }
}
