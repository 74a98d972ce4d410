"""The help the program gives: what each row counts (填报说明), what each rule means and how to
fix what it found, and a short manual (使用说明). Text only; the window renders it."""
