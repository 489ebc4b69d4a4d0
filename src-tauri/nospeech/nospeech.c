/*
 * Stand-ins for the flite functions libwebkit2gtk-4.1 imports (WebKit's
 * speech synthesis, which the desktop never uses): with this library found
 * under each libflite*.so.1 name first (src/nospeech.rs), WebKit's processes
 * load 15 kB instead of flite's thirteen libraries, whose relocated voice
 * data costs about 5.4 MiB in each of them (issue 18). No voice speaks: a
 * page that asks for voices gets four silent ones (WebKit reads a voice's
 * name), and speaking gives an empty wave (WebKit reads its samples). The
 * objects are static: WebKit's delete_voice and delete_wave, here, free
 * nothing. src/nospeech.rs checks, before the app uses it, that the loader
 * binds this build's WebKit to it; a WebKit that imports more keeps flite.
 */
#include <stddef.h>

/* The leading fields of flite's cst_voice and cst_wave (cst_voice.h,
   cst_wave.h) that WebKit reads. */
typedef struct {
    const char *name;
    void *features;
    void *ffunctions;
    void *utt_init;
} voice;

typedef struct {
    const char *type;
    int sample_rate;
    int num_samples;
    int num_channels;
    short *samples;
} wave;

static voice awb = {"awb", NULL, NULL, NULL};
static voice kal = {"kal", NULL, NULL, NULL};
static voice rms = {"rms", NULL, NULL, NULL};
static voice slt = {"slt", NULL, NULL, NULL};
static short silence[1];
static wave empty = {"riff", 16000, 0, 1, silence};

int flite_init(void) { return 0; }
void *flite_add_lang(const char *lang, void *lang_init, void *lex_init) { return NULL; }
void *flite_text_to_wave(const char *text, void *v) { return &empty; }
void cst_wave_resample(void *w, int sample_rate) { }
void delete_wave(void *w) { }
void delete_voice(void *v) { }
void usenglish_init(void *v) { }
void *cmulex_init(void) { return NULL; }
void *register_cmu_us_awb(const char *voxdir) { return &awb; }
void *register_cmu_us_kal(const char *voxdir) { return &kal; }
void *register_cmu_us_rms(const char *voxdir) { return &rms; }
void *register_cmu_us_slt(const char *voxdir) { return &slt; }
