// Quota at delivery through lda::Deliverer with a real Sieve engine, a real Maildir and a
// sendmail_path program: over quota is refused (-e/LMTP), deferred (quota_full_tempfail) or
// rejected to the sender, with nothing stored and nothing else sent; the stores of one
// delivery pass or fail together; OverQuota reads the mail location Deliver uses.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "base/fs.h"
#include "base/testing/temp_dir.h"
#include "lda/delivery.h"
#include "lda/quota_policy.h"
#include "sieve-lang/registry.h"
#include "storage/quota.h"

namespace lda {
namespace {

using Status = DeliveryOutcome::Status;

constexpr char kMessage[] =
    "From: f@example.net\r\nTo: alice@example.com\r\nSubject: hello\r\n\r\nbody\r\n";

class DeliveryQuotaTest : public ::testing::Test {
 protected:
  DeliveryQuotaTest() : engine_(sieve::BuiltinRegistry(), sieve::Options{}) {
    home_ = dir_.path() + "/home";
    std::filesystem::create_directories(home_);
    sendmail_ = dir_.path() + "/sendmail";
    std::ofstream(sendmail_) << "#!/bin/sh\ncat >> " << dir_.path() << "/sent\n";
    std::filesystem::permissions(sendmail_, std::filesystem::perms::owner_all);
    settings_.mail_location = "maildir:~/Maildir";
    settings_.postmaster_address = "postmaster@example.com";
    settings_.plugin = {{"quota", "maildir:User quota"}, {"quota_rule", "*:messages=2"}};
  }

  void Script(const std::string& text) {
    std::filesystem::remove(home_ + "/.dovecot.svbin");  // compiled again, whatever the mtimes
    std::ofstream(home_ + "/.dovecot.sieve") << text;
  }

  DeliveryOutcome Deliver(bool reject_to_mta, auth::Fields extra = {}) {
    SendmailOutgoing outgoing(sendmail_);
    Deliverer deliverer(engine_, settings_, outgoing);
    return deliverer.Deliver(RecipientWith(std::move(extra)),
                             {.from = "sender@example.net", .to = "alice@example.com"}, kMessage,
                             reject_to_mta);
  }

  // Two messages delivered: the plugin's quota (2 messages) is full.
  void FillTheQuota(bool reject_to_mta = true) {
    for (int i = 0; i < 2; ++i) ASSERT_EQ(Deliver(reject_to_mta).status, Status::kDelivered);
  }

  bool OverQuota(auth::Fields extra = {}) {
    SendmailOutgoing outgoing(sendmail_);
    return Deliverer(engine_, settings_, outgoing).OverQuota(RecipientWith(std::move(extra)));
  }

  Recipient RecipientWith(auth::Fields extra) const {
    Recipient recipient{.user = "alice@example.com", .userdb = {{"home", home_}}};
    recipient.userdb.insert(recipient.userdb.end(), extra.begin(), extra.end());
    return recipient;
  }

  int64_t Stored(const std::string& root = "") const {
    return storage::CountMaildirUsage(root.empty() ? home_ + "/Maildir" : root)->messages;
  }
  std::string Sent() const { return base::ReadFile(dir_.path() + "/sent").value_or(""); }

  base::testing::TempDir dir_;
  std::string home_, sendmail_;
  sieve::Engine engine_;
  DeliverySettings settings_;
};

TEST_F(DeliveryQuotaTest, UnderTheLimitStoresAndCounts) {
  EXPECT_FALSE(OverQuota());
  DeliveryOutcome first = Deliver(true);
  EXPECT_EQ(first.status, Status::kDelivered) << first.message;
  EXPECT_FALSE(first.quota_exceeded);
  EXPECT_FALSE(OverQuota());
  ASSERT_EQ(Deliver(true).status, Status::kDelivered);
  EXPECT_EQ(Stored(), 2);
  EXPECT_TRUE(OverQuota());
  auto maildirsize = base::ReadFile(home_ + "/Maildir/maildirsize");
  ASSERT_TRUE(maildirsize);
  EXPECT_TRUE(maildirsize->starts_with("2C\n")) << *maildirsize;
}

TEST_F(DeliveryQuotaTest, OverQuotaToTheMtaIsAPermanentRefusal) {
  ASSERT_NO_FATAL_FAILURE(FillTheQuota());
  DeliveryOutcome over = Deliver(true);
  EXPECT_EQ(over.status, Status::kRejected);
  EXPECT_TRUE(over.quota_exceeded);
  EXPECT_EQ(over.message, "Quota exceeded (mailbox for user is full)");
  EXPECT_EQ(Stored(), 2);
  EXPECT_EQ(Sent(), "");
}

TEST_F(DeliveryQuotaTest, QuotaFullTempfailDefers) {
  settings_.quota_full_tempfail = true;
  ASSERT_NO_FATAL_FAILURE(FillTheQuota());
  for (bool reject_to_mta : {true, false}) {
    DeliveryOutcome over = Deliver(reject_to_mta);
    EXPECT_EQ(over.status, Status::kTempFail);
    EXPECT_TRUE(over.quota_exceeded);
    EXPECT_EQ(over.message, "Quota exceeded (mailbox for user is full)");
  }
  EXPECT_EQ(Stored(), 2);
  EXPECT_EQ(Sent(), "");
}

TEST_F(DeliveryQuotaTest, WithoutRejectToMtaTheSenderGetsARejection) {
  settings_.plugin["quota_exceeded_message"] = "Alice's mailbox is full";
  ASSERT_NO_FATAL_FAILURE(FillTheQuota(false));
  DeliveryOutcome over = Deliver(false);
  EXPECT_EQ(over.status, Status::kDelivered);  // dovecot-lda: the rejection is the delivery
  EXPECT_TRUE(over.quota_exceeded);
  EXPECT_EQ(over.message, "rejected: Alice's mailbox is full");
  EXPECT_NE(Sent().find("Alice's mailbox is full"), std::string::npos) << Sent();
  EXPECT_NE(Sent().find("sender@example.net"), std::string::npos) << Sent();
  EXPECT_EQ(Stored(), 2);
}

TEST_F(DeliveryQuotaTest, FileintoCountsAndTheStoresOfADeliveryGoTogether) {
  settings_.plugin["quota_rule"] = "*:messages=3";
  Script("require \"fileinto\";\nfileinto \"Work\";\nkeep;\n");
  settings_.mailbox_autocreate = true;
  // 0 -> 2 -> 4: each store is held to the usage before the delivery, as in Dovecot.
  ASSERT_EQ(Deliver(true).status, Status::kDelivered);
  DeliveryOutcome second = Deliver(true);
  EXPECT_EQ(second.status, Status::kDelivered) << second.message;
  EXPECT_EQ(Stored(), 4);
  EXPECT_EQ(storage::CountMaildirUsage(home_ + "/Maildir/.Work")->messages, 2);
  // Over: neither the fileinto nor the keep stores anything.
  DeliveryOutcome over = Deliver(true);
  EXPECT_EQ(over.status, Status::kRejected);
  EXPECT_TRUE(over.quota_exceeded);
  EXPECT_EQ(Stored(), 4);
}

TEST_F(DeliveryQuotaTest, AFileintoAloneIsHeldToTheQuota) {
  Script("require \"fileinto\";\nfileinto \"Work\";\n");
  settings_.mailbox_autocreate = true;
  ASSERT_NO_FATAL_FAILURE(FillTheQuota());
  EXPECT_TRUE(OverQuota());
  DeliveryOutcome over = Deliver(true);
  EXPECT_EQ(over.status, Status::kRejected);
  EXPECT_TRUE(over.quota_exceeded);
  EXPECT_EQ(storage::CountMaildirUsage(home_ + "/Maildir/.Work")->messages, 2);
}

TEST_F(DeliveryQuotaTest, NoVacationReplyForAMessageThatIsNotStored) {
  Script("require \"vacation\";\nvacation :days 1 :handle \"a\" \"I am away\";\n");
  ASSERT_EQ(Deliver(true).status, Status::kDelivered);
  ASSERT_NE(Sent().find("I am away"), std::string::npos);  // with room, the reply goes out
  std::filesystem::remove(dir_.path() + "/sent");
  std::filesystem::remove(home_ + "/.dovecot.sieve");
  ASSERT_EQ(Deliver(true).status, Status::kDelivered);
  // A new handle would reply again, but the message is refused before any action.
  Script("require \"vacation\";\nvacation :days 1 :handle \"b\" \"I am away\";\n");
  DeliveryOutcome over = Deliver(true);
  EXPECT_EQ(over.status, Status::kRejected);
  EXPECT_TRUE(over.quota_exceeded);
  EXPECT_EQ(Sent(), "");
  EXPECT_EQ(Stored(), 2);
}

TEST_F(DeliveryQuotaTest, UserdbRulesOverrideAndOverQuotaFollowsTheMailField) {
  // The userdb's `mail` puts this user's mail elsewhere, and its quota_rule is 1 message.
  auth::Fields fields = {{"mail", "maildir:~/Other"}, {"quota_rule", "*:messages=1"}};
  EXPECT_FALSE(OverQuota(fields));
  ASSERT_EQ(Deliver(true, fields).status, Status::kDelivered);
  EXPECT_EQ(Stored(home_ + "/Other"), 1);
  EXPECT_TRUE(OverQuota(fields));
  EXPECT_FALSE(OverQuota());  // ~/Maildir, the plugin's 2 messages: empty
  DeliveryOutcome over = Deliver(true, fields);
  EXPECT_EQ(over.status, Status::kRejected);
  EXPECT_TRUE(over.quota_exceeded);
  EXPECT_EQ(Stored(home_ + "/Other"), 1);
}

TEST_F(DeliveryQuotaTest, NoQuotaSettingNoLimit) {
  settings_.plugin.erase("quota");
  for (int i = 0; i < 4; ++i) ASSERT_EQ(Deliver(true).status, Status::kDelivered);
  EXPECT_EQ(Stored(), 4);
  EXPECT_FALSE(OverQuota());
  EXPECT_FALSE(std::filesystem::exists(home_ + "/Maildir/maildirsize"));
}

}  // namespace
}  // namespace lda
