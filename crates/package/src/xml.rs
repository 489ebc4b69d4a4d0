//! A small deterministic XML writer (two-space indent, attributes in the
//! order given) and the escaping rules.

pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            // Characters XML 1.0 cannot carry at all are dropped.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => o.push('\u{FFFD}'),
            '\u{FFFE}' | '\u{FFFF}' => o.push('\u{FFFD}'),
            c => o.push(c),
        }
    }
    o
}

pub struct Xml {
    s: String,
    stack: Vec<String>,
}

pub type Attrs<'a> = &'a [(&'a str, String)];

impl Xml {
    pub fn new() -> Self {
        Xml {
            s: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            stack: Vec::new(),
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.stack.len() {
            self.s.push_str("  ");
        }
    }

    fn start_tag(&mut self, name: &str, attrs: Attrs) {
        self.indent();
        self.s.push('<');
        self.s.push_str(name);
        for (k, v) in attrs {
            self.s.push(' ');
            self.s.push_str(k);
            self.s.push_str("=\"");
            self.s.push_str(&esc(v));
            self.s.push('"');
        }
    }

    pub fn open(&mut self, name: &str, attrs: Attrs) -> &mut Self {
        self.start_tag(name, attrs);
        self.s.push_str(">\n");
        self.stack.push(name.to_string());
        self
    }

    pub fn empty(&mut self, name: &str, attrs: Attrs) -> &mut Self {
        self.start_tag(name, attrs);
        self.s.push_str("/>\n");
        self
    }

    pub fn leaf(&mut self, name: &str, attrs: Attrs, text: &str) -> &mut Self {
        self.start_tag(name, attrs);
        self.s.push('>');
        self.s.push_str(&esc(text));
        self.s.push_str("</");
        self.s.push_str(name);
        self.s.push_str(">\n");
        self
    }

    /// A leaf only when `text` is `Some`.
    pub fn opt(&mut self, name: &str, text: Option<&str>) -> &mut Self {
        if let Some(t) = text {
            self.leaf(name, &[], t);
        }
        self
    }

    pub fn close(&mut self) -> &mut Self {
        let name = self.stack.pop().unwrap_or_default();
        self.indent();
        self.s.push_str("</");
        self.s.push_str(&name);
        self.s.push_str(">\n");
        self
    }

    pub fn finish(mut self) -> Vec<u8> {
        while !self.stack.is_empty() {
            self.close();
        }
        self.s.into_bytes()
    }
}

pub fn a(k: &'static str, v: impl Into<String>) -> (&'static str, String) {
    (k, v.into())
}

pub fn ts(t: &chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
