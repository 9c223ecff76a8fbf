package org.hipaatraining.lrs.compliance.roster;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The {@code people} collection: the practice's workforce roster. */
@Repository
public class PersonStore implements DeclaresIndexes {

    static final String PEOPLE = "people";

    private final MongoTemplate mongo;

    PersonStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        // An xAPI identity belongs to one person; employee ids are unique when the practice uses them.
        return List.of(IndexDeclaration.unique(PEOPLE, new Document("identifiers", 1)),
                IndexDeclaration.of(PEOPLE, new Document("employeeId", 1)));
    }

    public Optional<Person> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Person.class));
    }

    public Optional<Person> byIdentifier(String agentKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("identifiers").is(agentKey)), Person.class));
    }

    /** The people any of these agent keys identify, in one query. */
    public List<Person> byIdentifiers(Collection<String> agentKeys) {
        return mongo.find(Query.query(Criteria.where("identifiers").in(agentKeys)), Person.class);
    }

    public List<Person> byIds(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Person.class);
    }

    public Optional<Person> byEmployeeId(String employeeId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("employeeId").is(employeeId)), Person.class));
    }

    /** The whole roster, by name: a practice has tens to a few thousand people. */
    public List<Person> all() {
        return mongo.find(new Query().with(Sort.by("name")), Person.class);
    }

    public void delete(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), Person.class);
    }

    public Person save(Person person) {
        return mongo.save(person);
    }
}
