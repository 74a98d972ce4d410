/* The loops of the PDF reader that make one PDFium call per drawn object, path segment or
 * character, done in C: the ruling lines of a page's paths (as app/readers/pdf_paths.py finds
 * them, to the last bit), and the page's characters with their boxes, made into the pieces the
 * reader takes (as app/readers/pdf_reader.py's _pieces makes them).
 *
 * A plain shared library loaded with ctypes, not a Python extension: it knows neither Python
 * nor PDFium's headers. The caller (app/readers/pdf_native.py) hands it the addresses of the
 * PDFium functions it calls, from the PDFium that pypdfium2 has loaded; handles are void
 * pointers. Built by build/native.py with the platform's C compiler; when it is missing the
 * reader does the same in Python.
 *
 * Arithmetic is in double, in the order the Python code does it, and built without
 * contraction into fused multiply-adds, so both give the same edges.
 */

#include <stdlib.h>

#if defined(_WIN32)
#define EXPORT __declspec(dllexport)
#else
#define EXPORT __attribute__((visibility("default")))
#endif

typedef struct { float a, b, c, d, e, f; } FsMatrix;
typedef struct { float left, top, right, bottom; } FsRectF;

/* The PDFium functions used, in this order (pdf_native.API_FUNCTIONS). */
typedef struct {
    int (*page_count_objects)(void *page);
    void *(*page_get_object)(void *page, int index);
    int (*form_count_objects)(void *form);
    void *(*form_get_object)(void *form, unsigned long index);
    int (*object_type)(void *obj);
    int (*object_matrix)(void *obj, FsMatrix *matrix);
    int (*draw_mode)(void *path, int *fillmode, int *stroke);
    int (*fill_color)(void *obj, unsigned *r, unsigned *g, unsigned *b, unsigned *a);
    int (*stroke_color)(void *obj, unsigned *r, unsigned *g, unsigned *b, unsigned *a);
    int (*count_segments)(void *path);
    void *(*get_segment)(void *path, int index);
    int (*segment_point)(void *segment, float *x, float *y);
    int (*segment_type)(void *segment);
    int (*segment_closes)(void *segment);
    int (*loose_char_box)(void *textpage, int index, FsRectF *rect);
    int (*char_generated)(void *textpage, int index);
} Api;

enum { OBJ_TEXT = 1, OBJ_PATH = 2, OBJ_IMAGE = 3, OBJ_FORM = 5 };
enum { SEG_LINETO = 0, SEG_MOVETO = 2 };
enum { OK = 0, OUT_OF_OBJECTS = 1, OUT_OF_SEGMENTS = 2, OUT_OF_MEMORY = 3 };

/* The limits of pdf_paths, given by the caller. */
typedef struct {
    long objects_left;  /* over the whole document, spent here */
    long segments_left;
    int max_paths_per_page;
    int max_form_depth;
    double thin;
    double straight;
} Limits;

typedef struct {
    double *edges; /* horizontal (1.0 or 0.0), at, start, end; four a row */
    long count, capacity;
    int images, paths;
    double *pictures; /* each picture's box: x0, y0, x1, y1 as shown; four a picture */
    long picture_capacity;
    int status;
    /* what a subpath's points are gathered in */
    double *xs, *ys;
    long points, point_capacity;
} Walk;

typedef struct { double a, b, c, d, e, f; } Matrix;

static Matrix compose(Matrix in, Matrix out) {
    Matrix m;
    m.a = in.a * out.a + in.b * out.c;
    m.b = in.a * out.b + in.b * out.d;
    m.c = in.c * out.a + in.d * out.c;
    m.d = in.c * out.b + in.d * out.d;
    m.e = in.e * out.a + in.f * out.c + out.e;
    m.f = in.e * out.b + in.f * out.d + out.f;
    return m;
}

static Matrix own_matrix(const Api *api, void *obj) {
    FsMatrix m;
    Matrix identity = {1.0, 0.0, 0.0, 1.0, 0.0, 0.0};
    if (!api->object_matrix(obj, &m)) return identity;
    Matrix r = {m.a, m.b, m.c, m.d, m.e, m.f};
    return r;
}

/* Room for row `used` (four doubles) of `rows`, grown twice as large when full; NULL (and
 * the walk out of memory) when it cannot grow. */
static double *row_at(Walk *w, double **rows, long *capacity, long used, long first) {
    if (w->status != OK) return NULL;
    if (used == *capacity) {
        long grown_to = *capacity ? 2 * *capacity : first;
        double *grown = realloc(*rows, (size_t)grown_to * 4 * sizeof(double));
        if (!grown) { w->status = OUT_OF_MEMORY; return NULL; }
        *rows = grown;
        *capacity = grown_to;
    }
    return *rows + 4 * used;
}

static void add_edge(Walk *w, int horizontal, double at, double start, double end) {
    double *row = row_at(w, &w->edges, &w->capacity, w->count, 1024);
    if (!row) return;
    w->count++;
    row[0] = horizontal; row[1] = at; row[2] = start; row[3] = end;
}

/* pdf_paths.picture_box: the unit square an image is drawn in, through its matrix. */
static void add_picture(Walk *w, Matrix m) {
    double *row = row_at(w, &w->pictures, &w->picture_capacity, w->images, 16);
    if (!row) return;
    w->images++;
    static const double corners[4][2] = {{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}};
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    for (int k = 0; k < 4; k++) {
        double px = corners[k][0], py = corners[k][1];
        double x = m.a * px + m.c * py + m.e, y = m.b * px + m.d * py + m.f;
        if (k == 0 || x < x0) x0 = x;
        if (k == 0 || y < y0) y0 = y;
        if (k == 0 || x > x1) x1 = x;
        if (k == 0 || y > y1) y1 = y;
    }
    row[0] = x0; row[1] = y0; row[2] = x1; row[3] = y1;
}

static int add_point(Walk *w, double x, double y) {
    if (w->points == w->point_capacity) {
        long capacity = w->point_capacity ? 2 * w->point_capacity : 64;
        double *xs = realloc(w->xs, (size_t)capacity * sizeof(double));
        if (!xs) { w->status = OUT_OF_MEMORY; return 0; }
        w->xs = xs;
        double *ys = realloc(w->ys, (size_t)capacity * sizeof(double));
        if (!ys) { w->status = OUT_OF_MEMORY; return 0; }
        w->ys = ys;
        w->point_capacity = capacity;
    }
    w->xs[w->points] = x;
    w->ys[w->points] = y;
    w->points++;
    return 1;
}

/* pdf_paths._subpath_edges on the points gathered. */
static void subpath_edges(Walk *w, int closed, const Limits *lim) {
    long n = w->points;
    double *xs = w->xs, *ys = w->ys;
    if (n < 2) return;
    if (closed) {
        double x0 = xs[0], x1 = xs[0], y0 = ys[0], y1 = ys[0];
        for (long i = 1; i < n; i++) {
            if (xs[i] < x0) x0 = xs[i];
            if (xs[i] > x1) x1 = xs[i];
            if (ys[i] < y0) y0 = ys[i];
            if (ys[i] > y1) y1 = ys[i];
        }
        if (n >= 4 && (x1 - x0 <= lim->thin || y1 - y0 <= lim->thin)) {
            if (x1 - x0 > y1 - y0) add_edge(w, 1, (y0 + y1) / 2, x0, x1);
            else if (y1 - y0 > x1 - x0) add_edge(w, 0, (x0 + x1) / 2, y0, y1);
            return;
        }
        if (xs[0] != xs[n - 1] || ys[0] != ys[n - 1]) {
            if (!add_point(w, xs[0], ys[0])) return;
            xs = w->xs; ys = w->ys; n = w->points;
        }
    }
    double s = lim->straight;
    double ax = xs[0], ay = ys[0];
    for (long i = 1; i < n; i++) {
        double bx = xs[i], by = ys[i];
        if (-s <= ay - by && ay - by <= s) {
            if (!(-s <= ax - bx && ax - bx <= s)) {
                if (ax < bx) add_edge(w, 1, (ay + by) / 2, ax, bx);
                else add_edge(w, 1, (ay + by) / 2, bx, ax);
            }
        } else if (-s <= ax - bx && ax - bx <= s) {
            if (ay < by) add_edge(w, 0, (ax + bx) / 2, ay, by);
            else add_edge(w, 0, (ax + bx) / 2, by, ay);
        }
        ax = bx; ay = by;
    }
}

static int is_white(const Api *api, void *obj, int stroked) {
    unsigned r, g, b, alpha;
    int got = stroked ? api->stroke_color(obj, &r, &g, &b, &alpha)
                      : api->fill_color(obj, &r, &g, &b, &alpha);
    if (!got) return 0;
    unsigned least = r < g ? r : g;
    if (b < least) least = b;
    return alpha == 0 || least >= 250;
}

/* pdf_paths.PageDrawing._path_edges. */
static void path_edges(const Api *api, void *obj, Matrix m, Walk *w, Limits *lim) {
    int fill = 0, stroke = 0;
    if (!api->draw_mode(obj, &fill, &stroke) || (!fill && !stroke)) return;
    if (is_white(api, obj, stroke != 0)) return;
    int count = api->count_segments(obj);
    if (count < 0) count = 0;
    lim->segments_left -= count;
    if (lim->segments_left < 0) { w->status = OUT_OF_SEGMENTS; return; }
    if (count == 0) return;
    void **segments = malloc((size_t)count * sizeof(void *));
    int *kinds = malloc((size_t)count * sizeof(int));
    if (!segments || !kinds) { free(segments); free(kinds); w->status = OUT_OF_MEMORY; return; }
    int lines = 0;
    for (int i = 0; i < count; i++) {
        segments[i] = api->get_segment(obj, i);
        kinds[i] = api->segment_type(segments[i]);
        if (kinds[i] == SEG_LINETO) lines++;
    }
    float x, y;
    if (kinds[0] == SEG_MOVETO && lines == count - 1) {
        /* One outline of straight lines. */
        int whole = 1;
        w->points = 0;
        for (int i = 0; i < count; i++) {
            if (!api->segment_point(segments[i], &x, &y)) { whole = 0; break; }
            double px = x, py = y;
            if (!add_point(w, m.a * px + m.c * py + m.e, m.b * px + m.d * py + m.f)) break;
        }
        if (whole && w->status == OK) {
            if (count > 1 && api->segment_closes(segments[count - 1]))
                add_point(w, w->xs[0], w->ys[0]);
            if (w->status == OK) subpath_edges(w, fill != 0, lim);
            free(segments); free(kinds);
            return;
        }
    }
    /* Subpaths, each made and finished in turn (as Python makes them all, then their edges:
     * the same edges in the same order). */
    int open = 0; /* a subpath is being gathered */
    for (int i = 0; i < count && w->status == OK; i++) {
        if (!segments[i] || !api->segment_point(segments[i], &x, &y)) continue;
        double px = x, py = y;
        double qx = m.a * px + m.c * py + m.e, qy = m.b * px + m.d * py + m.f;
        int kind = kinds[i];
        if (kind == SEG_MOVETO || !open || kind != SEG_LINETO) {
            if (open) subpath_edges(w, fill != 0, lim);
            w->points = 0;
            open = 1;
        }
        if (!add_point(w, qx, qy)) break;
        int last = i + 1 == count || kinds[i + 1] == SEG_MOVETO;
        if (last && w->points > 1 && api->segment_closes(segments[i]))
            add_point(w, w->xs[0], w->ys[0]);
    }
    if (open && w->status == OK) subpath_edges(w, fill != 0, lim);
    free(segments); free(kinds);
}

/* pdf_paths.PageDrawing._objects, and what __init__ does with what it yields. */
static void walk_objects(const Api *api, void *parent, int depth, Matrix outer, Walk *w,
                         Limits *lim) {
    int form = depth > 0;
    int count = form ? api->form_count_objects(parent) : api->page_count_objects(parent);
    if (count < 0) count = 0;
    lim->objects_left -= count;
    if (lim->objects_left < 0) { w->status = OUT_OF_OBJECTS; return; }
    for (int i = 0; i < count && w->status == OK; i++) {
        void *obj = form ? api->form_get_object(parent, (unsigned long)i)
                         : api->page_get_object(parent, i);
        int kind = api->object_type(obj);
        if (kind == OBJ_FORM) {
            if (depth < lim->max_form_depth)
                walk_objects(api, obj, depth + 1, compose(own_matrix(api, obj), outer), w, lim);
        } else if (kind == OBJ_PATH) {
            Matrix m = compose(own_matrix(api, obj), outer);
            if (w->paths < lim->max_paths_per_page) {
                w->paths++;
                path_edges(api, obj, m, w, lim);
            }
        } else if (kind == OBJ_IMAGE) {
            add_picture(w, compose(own_matrix(api, obj), outer));
        }
    }
}

/* A page's edges and its pictures' boxes (malloc'ed arrays the caller frees with nb_free).
 * Returns OK or what ran out; the limits' budgets are spent. */
EXPORT int nb_page_edges(const Api *api, void *page, const double *view, Limits *lim,
                         double **edges, long *count, double **pictures, int *images) {
    Walk w = {0};
    Matrix outer = {view[0], view[1], view[2], view[3], view[4], view[5]};
    walk_objects(api, page, 0, outer, &w, lim);
    free(w.xs);
    free(w.ys);
    if (w.status != OK) {
        free(w.edges);
        free(w.pictures);
        *edges = *pictures = NULL;
        *count = 0;
        *images = 0;
        return w.status;
    }
    *edges = w.edges;
    *count = w.count;
    *pictures = w.pictures;
    *images = w.images;
    return OK;
}

/* A character's loose box as shown (x0, y0 the top, x1, y1), through the view matrix as
 * pdf_reader._box_transform makes it; 0 where PDFium has none. */
static int shown_box(const Api *api, void *textpage, int i, const Matrix *v, double *out) {
    FsRectF r;
    if (!api->loose_char_box(textpage, i, &r)) return 0;
    double x0 = r.left, y0 = r.bottom, x1 = r.right, y1 = r.top;
    if (v->a == 1.0 && v->b == 0.0 && v->c == 0.0 && v->d == -1.0) {
        out[0] = x0 + v->e; out[1] = v->f - y1; out[2] = x1 + v->e; out[3] = v->f - y0;
        return 1;
    }
    double ax = v->a * x0 + v->c * y0 + v->e, ay = v->b * x0 + v->d * y0 + v->f;
    double bx = v->a * x1 + v->c * y1 + v->e, by = v->b * x1 + v->d * y1 + v->f;
    /* Python's min and max: the first of two equal values */
    out[0] = bx < ax ? bx : ax; out[1] = by < ay ? by : ay;
    out[2] = bx > ax ? bx : ax; out[3] = by > ay ? by : ay;
    return 1;
}

enum { PIECE_CHAR = 0, PIECE_SPACE = 1, PIECE_RUN = 2 };

static int in_chinese_run(unsigned code) { return code >= 0x2E80 && code <= 0xFFFD; }

/* pdf_reader._pieces: one piece a character, and the spaces that are not PDFium's own. */
static void one_by_one(const Api *api, void *textpage, const unsigned *codes, int start, int end,
                       const unsigned char *known, int *pieces, int *n) {
    for (int i = start; i < end; i++) {
        unsigned code = codes[i];
        int kind = PIECE_CHAR;
        if (code <= 0x20 || code == 0xFFFE || code == 0xFFFF || (code >= 0x2000 && code <= 0x200F)) {
            if (code < 0x20 || code == 0xFFFE || code == 0xFFFF ||
                api->char_generated(textpage, i) == 1)
                continue; /* line ends, and the spaces PDFium made up */
            kind = PIECE_SPACE;
        }
        if (!known[i]) continue;
        pieces[3 * *n] = i; pieces[3 * *n + 1] = i + 1; pieces[3 * *n + 2] = kind;
        (*n)++;
    }
}

/* pdf_reader._one_line. */
static int one_line(const double *first, const double *last) {
    double h1 = first[3] - first[1], h2 = last[3] - last[1];
    double height = h2 > h1 ? h2 : h1;
    double middle = (first[1] + first[3]) - (last[1] + last[3]);
    if (middle < 0) middle = -middle;
    middle = middle / 2;
    return middle <= 0.45 * height && last[0] >= first[0];
}

/* The page's characters as pdf_reader._pieces takes them: every character's box as shown
 * (`boxes`, four a character; `known` 1 where PDFium has one), and the pieces (start, end,
 * kind; three a piece, at most `count`) the reader makes its characters of: a character, a
 * space, or a run of two or more Chinese characters on one line. `codes` are the characters
 * of the page's text, one a character. Returns the number of pieces. */
EXPORT int nb_page_chars(const Api *api, void *textpage, int count, const unsigned *codes,
                         const double *view, double *boxes, unsigned char *known, int *pieces) {
    Matrix v = {view[0], view[1], view[2], view[3], view[4], view[5]};
    for (int i = 0; i < count; i++)
        known[i] = (unsigned char)shown_box(api, textpage, i, &v, boxes + 4 * i);
    int n = 0, done = 0, i = 0;
    while (i < count) {
        if (!in_chinese_run(codes[i])) { i++; continue; }
        int start = i;
        while (i < count && in_chinese_run(codes[i])) i++;
        int end = i;
        if (end - start < 2) continue;
        one_by_one(api, textpage, codes, done, start, known, pieces, &n);
        done = end;
        if (!known[start] || !known[end - 1] ||
            !one_line(boxes + 4 * start, boxes + 4 * (end - 1))) {
            one_by_one(api, textpage, codes, start, end, known, pieces, &n);
            continue;
        }
        pieces[3 * n] = start; pieces[3 * n + 1] = end; pieces[3 * n + 2] = PIECE_RUN;
        n++;
    }
    one_by_one(api, textpage, codes, done, count, known, pieces, &n);
    return n;
}

EXPORT void nb_free(void *p) { free(p); }

/* What pdf_native.WALK_VERSION must be: raised with every change to the functions or structs
 * above, so that a library built from an older source is not used. */
EXPORT int nb_version(void) { return 3; }
