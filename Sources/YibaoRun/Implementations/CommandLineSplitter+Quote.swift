extension CommandLineSplitter {
    /// `word` as one POSIX sh word: unchanged when it holds only characters sh never treats specially, otherwise
    /// in single quotes (an embedded `'` written as `'\''`). Splitting the result gives back exactly `word`.
    public static func quote(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy { s in
            (s.properties.isAlphabetic && s.isASCII) || ("0"..."9").contains(s) || "-_./=:,+@%".unicodeScalars.contains(s)
        }
        if plain && !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
