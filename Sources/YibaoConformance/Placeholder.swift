enum YibaoConformancePlaceholder {}
