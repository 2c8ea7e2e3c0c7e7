#define G_LOG_DOMAIN "wg-seed"

#include "config.h"

#include "wg-seed-private.h"

struct _WgSeedWeights {
  GArray *cumulative;  /* double */
};

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline guint64
rotate_left (guint64 value,
             int     bits)
{
  return (value << bits) | (value >> (64 - bits));
}

void
wg_seed_random_init (WgSeedRandom *self,
                     guint64       seed,
                     guint64       stream)
{
  guint64 state = seed ^ (stream * G_GUINT64_CONSTANT (0xd1342543de82ef95));

  for (guint i = 0; i < G_N_ELEMENTS (self->state); i++)
    self->state[i] = splitmix64 (&state);
}

/* xoshiro256** 1.0 (Blackman and Vigna, public domain). */
guint64
wg_seed_random_next (WgSeedRandom *self)
{
  guint64 *s = self->state;
  guint64 result = rotate_left (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotate_left (s[3], 45);
  return result;
}

/* Lemire's multiply-shift: unbiased enough for data (bias < 2^-32). */
guint32
wg_seed_random_below (WgSeedRandom *self,
                      guint32       bound)
{
  return (guint32) (((wg_seed_random_next (self) >> 32) * (guint64) bound) >> 32);
}

int
wg_seed_random_int (WgSeedRandom *self,
                    int           low,
                    int           high)
{
  return low + (int) wg_seed_random_below (self, (guint32) (high - low + 1));
}

double
wg_seed_random_double (WgSeedRandom *self)
{
  return (wg_seed_random_next (self) >> 11) * (1.0 / 9007199254740992.0);
}

gboolean
wg_seed_random_chance (WgSeedRandom *self,
                       double        probability)
{
  return wg_seed_random_double (self) < probability;
}

guint
wg_seed_random_pick (WgSeedRandom *self,
                     const double *weights,
                     guint         n_weights)
{
  double total = 0;
  double target;

  for (guint i = 0; i < n_weights; i++)
    total += weights[i];
  target = wg_seed_random_double (self) * total;
  for (guint i = 0; i < n_weights; i++)
    {
      if (target < weights[i])
        return i;
      target -= weights[i];
    }
  return n_weights - 1;
}

WgSeedWeights *
wg_seed_weights_new (void)
{
  WgSeedWeights *self = g_new0 (WgSeedWeights, 1);

  self->cumulative = g_array_new (FALSE, FALSE, sizeof (double));
  return self;
}

void
wg_seed_weights_add (WgSeedWeights *self,
                     double         weight)
{
  double total = self->cumulative->len > 0
                 ? g_array_index (self->cumulative, double, self->cumulative->len - 1) : 0;

  total += weight;
  g_array_append_val (self->cumulative, total);
}

/* Binary search for the first cumulative weight above the target. */
guint
wg_seed_weights_pick (WgSeedWeights *self,
                      WgSeedRandom  *random)
{
  const double *cumulative = (const double *) self->cumulative->data;
  guint n = self->cumulative->len;
  double target = wg_seed_random_double (random) * cumulative[n - 1];
  guint low = 0;
  guint high = n - 1;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (cumulative[middle] > target)
        high = middle;
      else
        low = middle + 1;
    }
  return low;
}

void
wg_seed_weights_free (WgSeedWeights *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->cumulative);
  g_free (self);
}
