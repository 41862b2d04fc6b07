enum YibaoYAMLPlaceholder {}
