/**
 * The "How it works" page in English, by section id. Loaded only when the page is shown. Formulas are TeX
 * between dollars (src/shared/ui/mathSplit.ts).
 */
import type { HowItWorksText } from '../../screens/howItWorks/content.ts';

export const howItWorks: HowItWorksText = {
  title: 'How it works',
  contentsLabel: 'Contents',
  intro:
    'Boltzmann Lab shows one formula from two sides: the Boltzmann distribution of a physical system, ' +
    'and sampling the next token of a language model with a temperature. ' +
    'This page says what the app computes, how it does so, and where it approximates.',
  sections: {
    model: {
      heading: 'The model: levels, degeneracy and the Boltzmann distribution',
      paragraphs: [
        'A system has energy levels $E_i$. A level can hold several distinct states of the same energy; ' +
          'their number $g_i$ is the degeneracy of the level: a rotor’s level $J$ has $2J + 1$ states, a hydrogen ' +
          'shell $n$ has $2n^2$. In contact with a large reservoir at temperature $T$, the system is in a given state ' +
          'with probability proportional to $e^{-E/T}$, so a whole level has the probability $p_i$ below. ' +
          'The normalising sum $Z$ is the partition function.',
        'Temperature is measured in units of energy: the app sets Boltzmann’s constant $k_B = 1$, so $T$ stands ' +
          'for $k_B T$. Model systems (two and three levels, the oscillator, the boxes) have their own energy ' +
          'unit, such as $\\varepsilon$ or $\\hbar\\omega$, and take plain numbers. Systems with a physical scale (the rotation and ' +
          'vibration of CO, hydrogen) also take units: 300 K, 20 °C, 25 meV, 0.1 eV, 1200 cm⁻¹, 2 THz or 2.5 ' +
          'kJ/mol. Type inf for an infinite temperature.',
        'Adding the same constant to every energy changes nothing: it multiplies every term of $Z$, and $Z$ ' +
          'itself, by the same factor.',
      ],
    },
    limits: {
      heading: 'Cold, hot and negative temperatures',
      paragraphs: [
        'As $T \\to 0$ all the probability goes to the lowest level; if several levels tie for the lowest energy, ' +
          'they share it in proportion to their $g$. As $T \\to \\pm\\infty$ every state becomes equally likely, so $p_i \\propto g_i$.',
        'For $T < 0$ the factor $e^{-E/T}$ grows with energy: upper levels are more populated than lower ones, a ' +
          'population inversion. This needs a spectrum bounded above, so the app allows negative temperatures ' +
          'only for finite spectra: the two- and three-level systems, a formula or a list of energies. ' +
          'An infinite ladder that is only cut off for display does not qualify.',
        'The quantity that changes smoothly is $\\beta = 1/T$. It runs from $+\\infty$ (coldest) through 0 ($T = \\pm\\infty$) to $-\\infty$, ' +
          'so negative temperatures are hotter than any positive one, not colder.',
      ],
    },
    formulas: {
      heading: 'The formulas',
      paragraphs: [
        'With $k_B = 1$, the app computes these for the current temperature $T$:',
        '$U$ is the mean energy per particle. $C$ is the heat capacity per particle in units of $k_B$, from the ' +
          'fluctuation formula: a system whose energy fluctuates a lot absorbs heat easily. ' +
          '$S$ is the Gibbs entropy over states, in units of $k_B$, and $e^S$ is the effective number of occupied ' +
          'states. $F$ is the free energy.',
        'Two checks to make on screen: the heat capacity of the two-level system peaks at $C \\approx 0.44$ near ' +
          '$T \\approx 0.42\\,\\Delta$ (the Schottky anomaly), and the heat capacity of the oscillator approaches 1 as $T$ grows, as ' +
          'long as $T$ stays well below the energy of its top level.',
      ],
    },
    sampler: {
      heading: 'The sampler: temperature is the Boltzmann distribution',
      paragraphs: [
        'A language model gives the next token probabilities $p_i$ (or logits $l_i$, with $p = \\operatorname{softmax}(l)$). ' +
          'Give each token the energy $E_i = -\\ln p_i$, its surprise. Sampling at temperature $t$ draws from ' +
          "$p'_i = \\operatorname{softmax}(\\ln p_i / t)$, which is the Boltzmann distribution of those energies at $T = t$ " +
          'with every $g = 1$. The same engine draws the particles and the tokens.',
        '$t = 1$ returns the model’s own distribution. $t = 0$ is greedy decoding: ' +
          'the most likely token, the first of them if several tie. $t = \\infty$ is uniform over the tokens with ' +
          '$p > 0$. $t < 0$ is a physics extension that no sampling library allows: with temperature first the ' +
          'app lets it put the least likely tokens first; with temperature last it does what llama.cpp does, ' +
          'which treats every $t \\le 0$ as greedy. ' +
          'A token with $p = 0$ has $E = \\infty$ and is never drawn.',
        'Top-k keeps the $k$ most likely tokens; top-p keeps the fewest most likely tokens whose probabilities ' +
          'add up to at least the value of top-p; min-p keeps the tokens whose probability is at least min-p times the ' +
          'largest; typical-p keeps the tokens whose surprise is closest to the entropy, until they hold the ' +
          'share typical-p of the probability. Every removed token is a level with $g = 0$: ' +
          'it stays on the ladder but is empty at every temperature.',
        'The order of the stages matters. Hugging Face transformers applies temperature first, then top-k, ' +
          'top-p, min-p and typical-p, so the truncation sees the reshaped distribution; ' +
          'vLLM also applies temperature first. llama.cpp applies temperature last, so which tokens survive ' +
          'does not depend on $t$. The app offers both orders. Where the libraries treat ties differently, each ' +
          'order follows its own: at top-k, transformers keeps every token tied with the $k$-th, llama.cpp ' +
          'exactly $k$. top-p = 0 keeps only the most likely token in both; typical-p = 0 keeps only the most ' +
          'typical token with temperature last, as in llama.cpp, and is refused with temperature first, as ' +
          'transformers refuses it.',
        'The entropy of the next token $H = -\\sum p \\ln p$ (in nats; divide by $\\ln 2$ for bits) and the perplexity ' +
          '$e^H$, the effective number of choices, are the $S$ and $e^S$ of the physics screen.',
      ],
    },
    dynamics: {
      heading: 'How the particles move',
      paragraphs: [
        'The histogram shows where the particles are now; the theory marks show the exact $p_i$. ' +
          'The dynamics decide how the particles get there after you change $T$ or the system.',
        'Instant equilibrium redraws every particle from $p(T)$ at every step. ' +
          'The heat bath redraws each particle with probability $r$ per step, so after a change of $T$ the ' +
          'occupancies relax exponentially, with a time constant of about $1/r$ steps.',
        'Metropolis proposes moving a particle from level $i$ to a neighbouring level $j$ and accepts the move ' +
          'with probability $\\min\\bigl(1, (g_j/g_i)\\, e^{-(E_j - E_i)/T}\\bigr)$. This satisfies detailed balance, so $p(T)$ is ' +
          'the stationary distribution, but the moves are local: at low $T$ a climb across a large gap is rare ' +
          'and relaxation is slow. That is physics, not a defect.',
        'The Einstein solid imposes no temperature at all. $N$ oscillators share $q$ quanta; ' +
          'at each move one quantum hops from a random oscillator that has one to a random oscillator. ' +
          'Every arrangement of the quanta becomes equally likely, and counting arrangements shows that the ' +
          'number of quanta on any one oscillator follows the Boltzmann distribution with $1/T = \\ln(1 + N/q)$ ' +
          '($\\varepsilon = 1$) when $N$ and $q$ are large. This is the microscopic reason for the exponential.',
      ],
    },
    ngram: {
      heading: 'The character model',
      paragraphs: [
        'The language screen trains a small model in your browser: a character n-gram model. ' +
          'It predicts the next character from the $n - 1$ characters before it, where $n$ is its order (order 5 ' +
          'looks at four characters). Training counts every run of up to $n$ characters in the text. ' +
          'It happens in a background worker, so the page stays responsive, and the text is sent nowhere.',
        'Raw counts give zero probability to anything the text never showed. ' +
          'Interpolated Kneser–Ney smoothing mends this: it subtracts a small discount $D$ from each count and ' +
          'hands the freed probability to the next shorter context, down to a uniform distribution over all ' +
          'characters, so every character keeps a non-zero probability. ' +
          'Shorter contexts use continuation counts (in how many different contexts a character appears) ' +
          'instead of raw counts.',
        'The bundled texts are State of the Union addresses in English and the Universal Declaration of ' +
          'Human Rights in Russian, English, German, French and Spanish; ' +
          'you can also paste your own. A next-token distribution copied from a real model (OpenAI ' +
          'top_logprobs, llama.cpp) goes through the same sampler.',
        'Here a token is one character, so the ladder has as many levels as the text has distinct ' +
          'characters. A real model’s tokens are pieces of words, tens of thousands of them, but the sampler ' +
          'treats them in exactly the same way.',
      ],
    },
    exact: {
      heading: 'What is exact and what is approximated',
      paragraphs: [
        'Exact: the probabilities $p_i$, $Z$, $U$, $C$, $S$ and $F$ come from the formulas above in double precision. ' +
          'The sums use the log-sum-exp shift (the largest exponent is taken out first), so $E/T$ of $\\pm 10^4$ ' +
          'neither overflows nor turns into NaN, and the limits $T \\to 0$ and $T \\to \\pm\\infty$ come out exactly.',
        'Truncated: infinite spectra are cut off, and the cut-off is a parameter you can see and change. ' +
          'The harmonic oscillator stops at $n_{\\max}$, the rotor at $J_{\\max}$, the boxes at a largest quantum number, ' +
          'hydrogen at $n_{\\max}$. The cut-off matters only once $T$ is comparable to the energy of the top level ' +
          'kept, except for hydrogen: its $Z = \\sum_n 2n^2 e^{13.6\\,\\text{eV}/(n^2 k_B T)}$ diverges at every temperature, ' +
          'because the terms grow like $2n^2$. Without a cut-off hydrogen has no Boltzmann distribution at all; ' +
          'in a real gas the largest orbits are cut off by the neighbouring atoms.',
        'Random: the particles are drawn at random, so the count on a level fluctuates around $N p_i$ with ' +
          'standard deviation $\\sqrt{N p_i (1 - p_i)}$. The band on the histogram shows $\\pm 1\\sigma$, and relative ' +
          'fluctuations shrink like $1/\\sqrt{N}$. Above a million particles individual particles are not simulated: ' +
          'each step draws the occupation counts directly from the exact multinomial distribution, up to ' +
          '$N = 10^{24}$.',
        'The random numbers are seeded: the same seed with the same settings repeats the same run.',
      ],
    },
  },
};
