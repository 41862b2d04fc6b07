enum YibaoRulesPlaceholder {}
