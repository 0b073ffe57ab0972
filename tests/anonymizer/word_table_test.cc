#include "anonymizer/word_table.h"

#include <catch2/catch.hpp>
#include <string>

using anonymizer::word_hash;
using anonymizer::WordTable;

TEST_CASE("WordTable finds what was inserted, by word and tag", "[words]") {
  WordTable<int> table;
  CHECK(table.find("jansen") == nullptr);
  // Enough words to make the table grow several times.
  for (int i = 0; i < 1000; ++i) table.insert("w" + std::to_string(i)) = i;
  table.insert("jansen", 7) = -7;
  table.insert("", 0) = 99;
  CHECK(table.size() == 1002);
  for (int i = 0; i < 1000; ++i) {
    std::string w = "w" + std::to_string(i);
    const int* v = table.find(w, word_hash(w));
    REQUIRE(v != nullptr);
    CHECK(*v == i);
  }
  CHECK(*table.find("jansen", word_hash("jansen"), 7) == -7);
  CHECK(table.find("jansen", word_hash("jansen"), 0) == nullptr);  // another tag
  CHECK(table.find("jansen") == nullptr);
  CHECK(*table.find("") == 99);
  CHECK(table.find("w1000") == nullptr);
  CHECK(table.find("w1") != table.find("w10"));
  table.insert("w5") += 1;  // an existing word keeps its value
  CHECK(*table.find("w5") == 6);
}

TEST_CASE("word_hash reads a word, not the bytes beyond it", "[words]") {
  std::string text = "jansen-de-wit";
  CHECK(word_hash(std::string_view(text).substr(0, 6)) == word_hash("jansen"));
  CHECK(word_hash(std::string_view(text).substr(7, 2)) == word_hash("de"));
  CHECK(word_hash("jansen") != word_hash("jansem"));
  CHECK(word_hash("abcdefghij") != word_hash("abcdefghik"));  // past the first eight bytes
}

TEST_CASE("WordTable::clear forgets every word and takes new ones", "[words]") {
  WordTable<int> table;
  for (int i = 0; i < 100; ++i) table.insert("w" + std::to_string(i)) = i;
  table.clear();
  CHECK(table.empty());
  for (int i = 0; i < 100; ++i) CHECK(table.find("w" + std::to_string(i)) == nullptr);
  table.insert("w7") = 70;
  table.insert("jansen", 3) = 3;
  CHECK(table.size() == 2);
  CHECK(*table.find("w7") == 70);
  CHECK(*table.find("jansen", word_hash("jansen"), 3) == 3);
  CHECK(table.find("w8") == nullptr);
}
