"""Export and import: plaintext copies of everything a person wrote, and journals from
elsewhere. Qt-free; it reads and writes every area only through its store."""
