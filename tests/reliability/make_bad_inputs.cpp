// Writes the large bad inputs of the reliability suite into a directory (they are generated at
// test time, never committed): make_bad_inputs OUT_DIR. Deterministic; a file that already
// exists with the right size is left alone, so re-running ctest costs nothing. Files of 2 GiB
// and more are sparse (a short head, then a hole): they take no disk space or time to write.
//
// make_bad_inputs --stream NAME writes a stream to stdout for the pipe cases (run_cli.cmake
// pipes it into the CLI): `endless-news` never ends (it stops when the reader closes the pipe);
// `jsonl-long-line` is a good line, one line of 129 MiB, and another good line.
//
// What each file is for: docs/reliability.md, "The bad-input corpus".
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kMiB = 1024 * 1024;
constexpr std::size_t kMaxTextBytes = 16 * kMiB;  // dyad::kMaxTextBytes (checked by the tests)

// Wire-style sentences with titles, names, countries, quotes and dashes; varied by a counter so
// the text is not one sentence repeated.
const char* const kSentences[] = {
    "Foreign Minister Jeyhun Bayramov met his Iranian counterpart, Abbas Araghchi, in Baku on Tuesday.",
    "“The page of mistrust has been turned,” Bayramov told reporters at a joint news conference.",
    "Iran’s foreign ministry summoned the British ambassador — the third time this year.",
    "U.S. Secretary of State Antony Blinken said Washington would not lift sanctions on Tehran.",
    "The two sides agreed to reopen the Astara border crossing, according to a joint statement.",
    "Gen. Abdel Fattah al-Burhan accused the Rapid Support Forces of shelling El Fasher.",
    "Protesters in Nairobi clashed with police after parliament passed the finance bill.",
    "Çavuşoğlu and Dendias did not agree on the maritime boundary, officials in Ankara said.",
};

struct Output {
  std::string name;
  std::size_t size;  // exact size in bytes
  std::function<void(std::string&)> fill;
  bool sparse = false;  // `fill` writes the head; the file is then extended to `size` with a hole
};

void repeat_to(std::string& out, const std::string& unit, std::size_t size) {
  out.reserve(size);
  while (out.size() + unit.size() <= size) out += unit;
  out.append(unit, 0, size - out.size());
}

// News-like text of exactly `size` bytes that ends on a complete UTF-8 sequence: padding with
// ASCII spaces when the cut would split a character.
void news(std::string& out, std::size_t size) {
  out.reserve(size);
  for (std::size_t i = 0; out.size() < size; ++i) {
    std::string s = kSentences[i % std::size(kSentences)];
    s += (i % 7 == 6) ? "\n\n" : " ";
    if (out.size() + s.size() > size) break;
    out += s;
  }
  out.append(size - out.size(), ' ');
}

std::string deep_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string deep_objects(std::size_t depth) {
  std::string s;
  for (std::size_t i = 0; i < depth; ++i) s += "{\"a\":";
  s += "1";
  s += std::string(depth, '}');
  return s;
}

std::vector<Output> outputs() {
  std::vector<Output> v;
  // [SECTION] Text
  v.push_back({"news_1mb.txt", 1000000, [](std::string& s) { news(s, 1000000); }});
  v.push_back({"news_10mb.txt", 10000000, [](std::string& s) { news(s, 10000000); }});
  v.push_back({"news_16mib.txt", kMaxTextBytes, [](std::string& s) { news(s, kMaxTextBytes); }});
  v.push_back({"news_over_16mib.txt", kMaxTextBytes + 1, [](std::string& s) { news(s, kMaxTextBytes + 1); }});
  // 2 GiB: the CLI must refuse it without reading it (it would need 2 GB of memory to hold).
  v.push_back({"news_2gib.txt", std::size_t{2048} * kMiB, [](std::string& s) { news(s, 100000); }, true});
  v.push_back({"repeated_sentence_10mb.txt", 10000000,
               [](std::string& s) { repeat_to(s, "Iran and Azerbaijan held talks in Baku. ", 10000000); }});
  v.push_back({"word_200k.txt", 200000, [](std::string& s) { s.assign(200000, 'a'); }});
  v.push_back({"word_200k_capital.txt", 200000, [](std::string& s) {
                 s.assign(200000, 'a');
                 s[0] = 'A';
               }});
  // 200,000 code points of Cyrillic in one word (400,000 bytes).
  v.push_back({"word_200k_cyrillic.txt", 400000, [](std::string& s) { repeat_to(s, "\xD0\xB4", 400000); }});
  // Pathological capitalisation: a megabyte of capitalised words and no sentence end, every
  // word a candidate name; a headline in capitals; initials and abbreviations back to back.
  v.push_back({"capitalised_words_1mb.txt", 1000000,
               [](std::string& s) { repeat_to(s, "Foreign Minister Of The Islamic Republic Said United Nations ", 1000000); }});
  v.push_back({"all_caps_1mb.txt", 1000000,
               [](std::string& s) { repeat_to(s, "IRAN AND AZERBAIJAN SIGN BORDER DEAL AS UN ENVOY WATCHES ", 1000000); }});
  // One sentence of 10 MB (no sentence end anywhere) dense with events and reported speech:
  // every per-sentence step of mention, coreference and relation finding sees all of it.
  v.push_back({"one_sentence_speech_10mb.txt", 10000000, [](std::string& s) {
                 repeat_to(s, "\xE2\x80\x9CIran met Azerbaijan,\xE2\x80\x9D he said, ", 10000000);
               }});
  v.push_back({"all_caps_10mb.txt", 10000000,
               [](std::string& s) { repeat_to(s, "IRAN AND AZERBAIJAN SIGN BORDER DEAL AS UN ENVOY WATCHES ", 10000000); }});
  v.push_back({"initials_1mb.txt", 1000000, [](std::string& s) { repeat_to(s, "J. R. R. U.S. Gen. Mr. Jan. No. ", 1000000); }});
  v.push_back({"single_letter_words_1mb.txt", 1000000, [](std::string& s) { repeat_to(s, "a ", 1000000); }});
  v.push_back({"newlines_1mb.txt", 1000000, [](std::string& s) { s.assign(1000000, '\n'); }});
  v.push_back({"periods_1mb.txt", 1000000, [](std::string& s) { s.assign(1000000, '.'); }});
  v.push_back({"quotes_1mb.txt", 1000000, [](std::string& s) { repeat_to(s, "\xE2\x80\x9C\"'\xE2\x80\x99", 1000000); }});
  v.push_back({"emoji_zwj_1mb.txt", 1000000, [](std::string& s) {
                 repeat_to(s, "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", 1000000);
               }});
  v.push_back({"combining_marks_1mb.txt", 1000000, [](std::string& s) {
                 s = "a";
                 repeat_to(s, "\xCC\x81", 999999);
                 s += ' ';
               }});
  // Binary pasted as text: every other byte invalid (one diagnostic per invalid place before
  // the cap), and a run of invalid bytes (one diagnostic).
  v.push_back({"invalid_every_other_byte_1mb.txt", 1000000, [](std::string& s) { repeat_to(s, "a\xFF", 1000000); }});
  v.push_back({"invalid_run_1mb.txt", 1000000, [](std::string& s) { s.assign(1000000, '\xFF'); }});
  v.push_back({"nul_bytes_1mb.txt", 1000000, [](std::string& s) { repeat_to(s, std::string("Iran\0met\0", 9), 1000000); }});

  // [SECTION] JSON
  v.push_back({"deep_arrays_10000.json", 20000, [](std::string& s) { s = deep_arrays(10000); }});
  v.push_back({"deep_objects_10000.json", 10000 * 6 + 1, [](std::string& s) { s = deep_objects(10000); }});
  v.push_back({"deep_unclosed_10000.json", 10000, [](std::string& s) { s.assign(10000, '['); }});
  {
    const std::string head = "{\"schema\": \"dyad/1\", \"text\": \"x\", \"x-tool\": ";
    const std::string tail = "}\n";
    v.push_back({"deep_in_document_10000.json", head.size() + 20000 + tail.size(),
                 [head, tail](std::string& s) { s = head + deep_arrays(10000) + tail; }});
  }
  {
    const std::string head = "{\"schema\": \"dyad/1\", \"text\": \"";
    const std::string tail = "\"}\n";
    v.push_back({"text_16mib.json", head.size() + kMaxTextBytes + tail.size(), [head, tail](std::string& s) {
                   s = head;
                   repeat_to(s, "Iran and Azerbaijan held talks in Baku. ", head.size() + kMaxTextBytes);
                   s += tail;
                 }});
    v.push_back({"text_over_16mib.json", head.size() + kMaxTextBytes + 1 + tail.size(), [head, tail](std::string& s) {
                   s = head;
                   repeat_to(s, "Iran and Azerbaijan held talks in Baku. ", head.size() + kMaxTextBytes + 1);
                   s += tail;
                 }});
  }
  {
    // 100,000 mentions, the last one a duplicate id: the loader stays linear-ish and reports it.
    std::string mentions;
    for (int i = 0; i < 100000; ++i)
      mentions += std::string(i ? "," : "") + "{\"id\":\"m" + std::to_string(i == 99999 ? 1 : i) +
                  "\",\"actor\":\"a1\",\"start\":0,\"end\":4,\"kind\":\"NAME\",\"provenance\":{\"by\":\"user\"},"
                  "\"status\":\"accepted\",\"confidence\":1}";
    const std::string doc =
        "{\"schema\":\"dyad/1\",\"text\":\"Iran\",\"actors\":[{\"id\":\"a1\",\"name\":\"Iran\",\"type\":\"STATE\","
        "\"country\":\"IRN\",\"sector\":\"\",\"code\":\"IRN\",\"provenance\":{\"by\":\"user\"},\"status\":\"accepted\","
        "\"confidence\":1}],\"mentions\":[" +
        mentions + "]}\n";
    v.push_back({"mentions_100k_duplicate.json", doc.size(), [doc](std::string& s) { s = doc; }});
  }
  // One byte over the 2 GiB that `dyad validate` reads per file.
  v.push_back({"over_2gib.json", std::size_t{2048} * kMiB + 1,
               [](std::string& s) { s = "{\"schema\": \"dyad/1\", \"text\": \"x\", \"x-padding\": \""; }, true});

  // [SECTION] JSON lines
  {
    const std::string first = "{\"id\": 1, \"text\": \"";
    const std::string rest =
        "\"}\n" + deep_arrays(10000) + "\n{\"id\": 3, \"text\": \"";
    const std::string last = "\"}\n\"Iran and Azerbaijan held talks.\"\n";
    const std::size_t size = first.size() + 10000000 + rest.size() + kMaxTextBytes + 1 + last.size();
    v.push_back({"big_lines.jsonl", size, [=](std::string& s) {
                   s = first;
                   std::string a;
                   news(a, 10000000);
                   for (char c : a) s += c == '\n' ? ' ' : c;  // one line; the text keeps no raw newline
                   s += rest;
                   std::string b;
                   repeat_to(b, "Iran and Azerbaijan held talks in Baku. ", kMaxTextBytes + 1);
                   s += b;
                   s += last;
                 }});
  }
  return v;
}

// Writes `data` to stdout; false once the reader has gone (or SIGPIPE ends the process first).
bool put(const std::string& data) { return std::fwrite(data.data(), 1, data.size(), stdout) == data.size(); }

int stream(const std::string& name) {
  std::string chunk;
  news(chunk, kMiB);
  for (char& c : chunk)
    if (c == '\n') c = ' ';  // one line
  if (name == "endless-news") {
    while (put(chunk)) {
    }
    return 0;
  }
  if (name == "jsonl-long-line") {
    bool ok = put("\"Iran and Azerbaijan held talks.\"\n{\"id\": 2, \"text\": \"");
    for (std::size_t i = 0; ok && i < 8 * kMaxTextBytes / kMiB + 1; ++i) ok = put(chunk);
    ok = ok && put("\"}\n{\"id\": 3, \"text\": \"Baku hosted the talks.\"}\n");
    return ok ? 0 : 1;
  }
  std::fprintf(stderr, "make_bad_inputs: unknown stream %s\n", name.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--stream") return stream(argv[2]);
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_bad_inputs OUT_DIR | make_bad_inputs --stream endless-news|jsonl-long-line\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  for (const auto& o : outputs()) {
    const auto path = dir / o.name;
    if (std::filesystem::exists(path, ec) && std::filesystem::file_size(path, ec) == o.size) continue;
    std::string data;
    o.fill(data);
    if (o.sparse ? data.size() >= o.size : data.size() != o.size) {
      std::fprintf(stderr, "make_bad_inputs: %s is %zu bytes, expected %zu\n", o.name.c_str(), data.size(), o.size);
      return 1;
    }
    {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out.write(data.data(), static_cast<std::streamsize>(data.size()));
      if (!out) {
        std::fprintf(stderr, "make_bad_inputs: cannot write %s\n", path.string().c_str());
        return 1;
      }
    }
    if (o.sparse) std::filesystem::resize_file(path, o.size, ec);
    if (ec) {
      std::fprintf(stderr, "make_bad_inputs: cannot extend %s: %s\n", path.string().c_str(), ec.message().c_str());
      return 1;
    }
  }
  return 0;
}
