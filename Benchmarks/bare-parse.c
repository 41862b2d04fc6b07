/* Baseline for the YAML loader: libyaml's event parse alone, nothing built.
   cc -O2 bare-parse.c -lyaml -o bare-parse && ./bare-parse FILE...  */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv) {
    long events = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { perror(argv[i]); return 2; }
        fseek(f, 0, SEEK_END); long n = ftell(f); rewind(f);
        unsigned char *buf = malloc(n ? n : 1);
        if (fread(buf, 1, n, f) != (size_t)n) { perror(argv[i]); return 2; }
        fclose(f);
        yaml_parser_t p; yaml_event_t e; int done = 0;
        yaml_parser_initialize(&p);
        yaml_parser_set_input_string(&p, buf, n);
        while (!done) {
            if (!yaml_parser_parse(&p, &e)) {
                fprintf(stderr, "%s:%zu:%zu: error: %s\n", argv[i], p.problem_mark.line + 1, p.problem_mark.column + 1, p.problem);
                return 1;
            }
            done = e.type == YAML_STREAM_END_EVENT; events++;
            yaml_event_delete(&e);
        }
        yaml_parser_delete(&p); free(buf);
    }
    printf("%ld events\n", events);
    return 0;
}
